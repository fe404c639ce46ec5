using System.Globalization;
using System.Text.RegularExpressions;
using Punchlist.Text;

namespace Punchlist.Reading.Org;

/// <summary>
/// An Org timestamp: `&lt;2025-01-10 Fri&gt;` (active), `[2025-01-10 Fri 10:00]` (inactive), with a
/// time, a repeater (`+1w`, `++1m`, `.+2d`, `+1w/2w`) and a warning delay (`-3d`), or a range
/// `&lt;…&gt;--&lt;…&gt;`. Only the date of the first part matters to Punchlist; the rest is kept as written.
/// </summary>
internal sealed partial record OrgTimestamp(DateOnly Date, bool Active, string? Repeater, TextSpan Span, TextSpan Inner)
{
    /// <summary>The timestamp starting at <paramref name="at"/>, or null when there is none there.</summary>
    public static OrgTimestamp? At(string text, int at, int end)
    {
        if (at >= end || text[at] is not ('<' or '['))
        {
            return null;
        }

        var m = Pattern().Match(text, at, end - at);
        if (!m.Success || !DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        bool active = text[at] == '<';
        if (text[m.Index + m.Length - 1] != (active ? '>' : ']'))
        {
            return null;
        }

        var repeater = m.Groups["repeater"];
        var inner = new TextSpan(m.Index + 1, m.Length - 2);
        int spanEnd = m.Index + m.Length;

        // A range `<…>--<…>` is one timestamp: its span covers both parts.
        if (spanEnd + 2 < end && text[spanEnd] == '-' && text[spanEnd + 1] == '-' && text[spanEnd + 2] == text[at])
        {
            var second = Pattern().Match(text, spanEnd + 2, end - spanEnd - 2);
            if (second.Success && text[second.Index + second.Length - 1] == text[m.Index + m.Length - 1])
            {
                spanEnd = second.Index + second.Length;
            }
        }

        return new OrgTimestamp(date, active, repeater.Success ? repeater.Value : null, TextSpan.FromBounds(at, spanEnd), inner);
    }

    // org-ts-regexp1 and org-repeat-re, anchored: the date, an optional day name and time, then repeater
    // and delay cookies in any order.
    [GeneratedRegex(@"\G[<\[](?<date>\d{4}-\d{2}-\d{2})(?:[ \t]+[^\]>\d\r\n \t+-][^\]>\r\n \t]*)?(?:[ \t]+\d{1,2}:\d{2}(?:-\d{1,2}:\d{2})?)?(?:[ \t]+(?:(?<repeater>(?:\.\+|\+\+|\+)\d+[hdwmy](?:/\d+[hdwmy])?)|--?\d+[hdwmy]))*[ \t]*[>\]]", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
