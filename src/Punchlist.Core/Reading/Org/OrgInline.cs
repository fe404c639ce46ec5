using System.Text;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Reading.Org;

/// <summary>
/// What Punchlist needs from Org's inline objects: the plain text of a title (a link reads as its
/// description), statistics cookies outside links and verbatim, and references (links, verbatim
/// paths, item IDs). Emphasis markers are left as written: `/etc/ssh` and `*nix` are text far more
/// often in trackers than they are italics and bold.
/// </summary>
internal static class OrgInline
{
    private const int MaxVerbatim = 200;

    /// <summary>The text of <paramref name="span"/> as one line: links by their description, line breaks and the indentation after them one space.</summary>
    public static string Plain(string text, TextSpan span)
    {
        int linkAt = span.IsEmpty ? -1 : text.IndexOf("[[", span.Start, span.Length, StringComparison.Ordinal);
        if (linkAt < 0)
        {
            return OneLine(text.Substring(span.Start, span.Length));
        }

        var plain = new StringBuilder(span.Length);
        int at = span.Start;
        foreach (var link in Links(text, span))
        {
            plain.Append(text, at, link.Whole.Start - at);
            var shown = link.Description.IsEmpty ? link.Target : link.Description;
            plain.Append(text, shown.Start, shown.Length);
            at = link.Whole.End;
        }

        plain.Append(text, at, span.End - at);
        return OneLine(plain.ToString());
    }

    private static string OneLine(string text) =>
        text.AsSpan().IndexOfAny('\n', '\r') < 0 ? text : string.Join(' ', text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>`[[target][description]]` and `[[target]]` within <paramref name="span"/>, in order.</summary>
    public static IEnumerable<(TextSpan Whole, TextSpan Target, TextSpan Description)> Links(string text, TextSpan span)
    {
        // The next `]` and `]]` are remembered while they lie ahead, so a line of `[[` is read in linear time.
        int end = span.End, close = -1, pair = -1;
        bool pairless = false;
        for (int at = Next(text, span.Start, end); at >= 0;)
        {
            if (close < at + 2 && (close = Find(text, "]", at + 2, end)) < 0)
            {
                yield break;
            }

            var target = TextSpan.FromBounds(at + 2, close);
            if (close + 1 < end && text[close + 1] == ']')
            {
                yield return (TextSpan.FromBounds(at, close + 2), target, default);
                at = Next(text, close + 2, end);
                continue;
            }

            if (close + 1 < end && text[close + 1] == '[' && !pairless && pair < close + 2)
            {
                pair = Find(text, "]]", close + 2, end);
                pairless = pair < 0;
            }

            if (close + 1 < end && text[close + 1] == '[' && !pairless)
            {
                yield return (TextSpan.FromBounds(at, pair + 2), target, TextSpan.FromBounds(close + 2, pair));
                at = Next(text, pair + 2, end);
                continue;
            }

            at = Next(text, at + 2, end);
        }

        static int Next(string text, int from, int end) => Find(text, "[[", from, end);

        static int Find(string text, string what, int from, int end) =>
            from >= end ? -1 : text.IndexOf(what, from, end - from, StringComparison.Ordinal);
    }

    /// <summary>
    /// Statistics cookies (`[2/5]`, `[40%]`, `[/]`, `[%]`: org-element's "\\[[0-9]*\\(%\\|/[0-9]*\\)\\]")
    /// in <paramref name="span"/>, outside links and `=verbatim=`/`~code~`.
    /// </summary>
    public static List<TextSpan> Cookies(string text, TextSpan span)
    {
        var cookies = new List<TextSpan>();
        if (span.IsEmpty || text.IndexOf('[', span.Start, span.Length) < 0)
        {
            return cookies;
        }

        List<TextSpan>? shielded = null;
        int next = 0; // shielded spans and cookies both come in order: one pointer walks the spans
        for (int at = text.IndexOf('[', span.Start, span.Length); at >= 0; at = at + 1 < span.End ? text.IndexOf('[', at + 1, span.End - at - 1) : -1)
        {
            int i = at + 1;
            while (i < span.End && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i >= span.End || text[i] is not ('%' or '/'))
            {
                continue;
            }

            if (text[i] == '/')
            {
                i++;
                while (i < span.End && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }

            if (i >= span.End || text[i] != ']')
            {
                continue;
            }

            shielded ??= Shielded(text, span);
            while (next < shielded.Count && shielded[next].End <= at)
            {
                next++;
            }

            if (next >= shielded.Count || !shielded[next].Contains(at))
            {
                cookies.Add(TextSpan.FromBounds(at, i + 1));
            }
        }

        return cookies;
    }

    /// <summary>Files, URLs and item IDs that <paramref name="span"/> names, for an item's references.</summary>
    public static void References(string text, TextSpan span, bool itemLevel, List<Reference> into)
    {
        foreach (var link in Links(text, span))
        {
            AddLink(text.Substring(link.Target.Start, link.Target.Length).Trim(), link.Whole, into);
        }

        foreach (var verbatim in Verbatim(text, span))
        {
            string token = text.Substring(verbatim.Start + 1, verbatim.Length - 2).Trim();
            if (PathLike.IsPath(token))
            {
                var kind = PathLike.IsOutsideWorkspace(token) ? ReferenceKind.External : ReferenceKind.File;
                into.Add(new Reference(kind, token, ReferenceRole.Mention, new TextSpan(verbatim.Start + 1, verbatim.Length - 2)));
            }
        }

        var chars = text.AsSpan(span.Start, span.Length);
        if (itemLevel && IdTokens.MayHoldId(chars))
        {
            foreach (var (index, length) in IdTokens.Locate(chars))
            {
                into.Add(new Reference(ReferenceKind.Item, chars.Slice(index, length).ToString(), ReferenceRole.Mention, new TextSpan(span.Start + index, length)));
            }
        }

        AddBareUrls(text, span, into);
    }

    // `file:notes.org::*Heading` → notes.org; `./x.nix`, `../x`; `https://…` is external; `id:`, `*Heading`,
    // `#custom-id` and other link types point inside Org, not at a file.
    private static void AddLink(string target, TextSpan whole, List<Reference> into)
    {
        if (target.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            target = target[5..];
            int search = target.IndexOf("::", StringComparison.Ordinal);
            target = search >= 0 ? target[..search] : target;
        }
        else if (PathLike.IsUrl(target))
        {
            into.Add(new Reference(ReferenceKind.External, target, ReferenceRole.Link, whole));
            return;
        }
        else if (!(target.StartsWith("./", StringComparison.Ordinal) || target.StartsWith("../", StringComparison.Ordinal)
            || target.StartsWith('/') || target.StartsWith('~')))
        {
            return;
        }

        if (target.Length > 0)
        {
            into.Add(new Reference(PathLike.IsOutsideWorkspace(target) ? ReferenceKind.External : ReferenceKind.File, target, ReferenceRole.Link, whole));
        }
    }

    private static void AddBareUrls(string text, TextSpan span, List<Reference> into)
    {
        for (int at = text.IndexOf("://", span.Start, span.Length, StringComparison.Ordinal); at >= 0;
             at = at + 3 < span.End ? text.IndexOf("://", at + 3, span.End - at - 3, StringComparison.Ordinal) : -1)
        {
            int start = at;
            while (start > span.Start && char.IsAsciiLetter(text[start - 1]))
            {
                start--;
            }

            if (start == at || (start > span.Start && text[start - 1] == '['))
            {
                continue; // no scheme, or inside a bracket link (already taken)
            }

            int end = at + 3;
            while (end < span.End && !char.IsWhiteSpace(text[end]) && text[end] is not (']' or '>' or '"'))
            {
                end++;
            }

            into.Add(new Reference(ReferenceKind.External, text[start..end], ReferenceRole.Link, TextSpan.FromBounds(start, end)));
        }
    }

    private static List<TextSpan> Shielded(string text, TextSpan span)
    {
        var shielded = new List<TextSpan>();
        foreach (var link in Links(text, span))
        {
            shielded.Add(link.Whole);
        }

        shielded.AddRange(Verbatim(text, span));
        shielded.Sort((a, b) => a.Start.CompareTo(b.Start));
        return shielded;
    }

    // `=verbatim=` and `~code~`: the marker after a blank or the start and before a blank, punctuation or
    // the end. The closing marker is looked for within MaxVerbatim characters, so a line of markers is
    // read in linear time.
    private static IEnumerable<TextSpan> Verbatim(string text, TextSpan span)
    {
        for (int at = span.Start; at < span.End; at++)
        {
            char marker = text[at];
            if (marker is not ('=' or '~') || (at > span.Start && !IsPre(text[at - 1])) || at + 2 > span.End || char.IsWhiteSpace(text[at + 1]))
            {
                continue;
            }

            int limit = Math.Min(span.End, at + MaxVerbatim);
            int close = text.IndexOf(marker, at + 2, limit - at - 2);
            while (close >= 0 && (char.IsWhiteSpace(text[close - 1]) || (close + 1 < span.End && !IsPost(text[close + 1]))))
            {
                close = close + 1 < limit ? text.IndexOf(marker, close + 1, limit - close - 1) : -1;
            }

            if (close < 0)
            {
                continue;
            }

            yield return TextSpan.FromBounds(at, close + 1);
            at = close;
        }
    }

    private static bool IsPre(char c) => char.IsWhiteSpace(c) || c is '-' or '(' or '{' or '\'' or '"';

    private static bool IsPost(char c) => char.IsWhiteSpace(c) || c is '-' or '.' or ',' or ';' or ':' or '!' or '?' or '\'' or ')' or '}' or '[' or '"' or '\\';
}
