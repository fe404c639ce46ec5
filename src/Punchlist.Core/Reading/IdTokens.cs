using System.Text.RegularExpressions;

namespace Punchlist.Reading;

/// <summary>
/// Item IDs as teams write them: `P0-001`, `MH-015`, `TASK-12`, `FEATURE-001`, `PLAN-e962d61` — an
/// upper-case prefix, a dash, and a suffix holding a digit. Well-known names of standards and
/// encodings (`UTF-8`, `SHA-256`, `ISO-8601`) look the same and are not IDs.
/// </summary>
public static partial class IdTokens
{
    private static readonly HashSet<string> NotIds = new(StringComparer.Ordinal)
    {
        "UTF", "ISO", "SHA", "MD", "HTTP", "TLS", "SSL", "IPV", "COVID", "RFC", "AES", "RSA", "UTC", "GMT", "PEP",
        "WCAG", "CWE", "HMAC", "BASE", "IEEE", "ASCII", "ES", "ECMA", "SARS", "CP", "WINDOWS", "LATIN",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotIdsLookup = NotIds.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>An ID at the start of a heading or task text, after any emoji, brackets or emphasis.</summary>
    public static Match? AtStart(string text)
    {
        if (!text.Contains('-', StringComparison.Ordinal))
        {
            // Every ID has a dash but spec-kit's task IDs (`T001`); most titles have neither.
            return text.Contains('T', StringComparison.Ordinal) && TaskIdPattern().Match(text) is { Success: true } task ? task : null;
        }

        var m = StartPattern().Match(text);
        return m.Success && IsId(m.Groups["id"].Value) ? m : (TaskIdPattern().Match(text) is { Success: true } t ? t : null);
    }

    /// <summary>
    /// Where the title starts after an ID and its separator (`P0-001: Resolve …` → at `Resolve`),
    /// or -1 when nothing follows the ID.
    /// </summary>
    public static int TitleStart(string text, string id)
    {
        int at = text.IndexOf(id, StringComparison.Ordinal);
        if (at < 0)
        {
            return -1;
        }

        int cut = at + id.Length;
        while (cut < text.Length && text[cut] is ' ' or ':' or '.' or ')' or ']' or '-' or '–' or '—' or '*' or '`' or '_')
        {
            cut++;
        }

        // spec-kit writes markers after the ID: `T004 [P] Create …` (may run in parallel), `T012 [US1] …` (its story).
        while (MarkerAfterId().Match(text, cut) is { Success: true } marker && marker.Index == cut)
        {
            cut += marker.Length;
        }

        return cut < text.Length ? cut : -1;
    }

    /// <summary>Every ID mentioned anywhere in the text.</summary>
    public static IEnumerable<Match> All(string text) => AnyPattern().Matches(text).Where(m => IsId(m.Value));

    /// <summary>Where every ID mentioned in the text is, without allocating for text that names none.</summary>
    public static List<(int Index, int Length)> Locate(ReadOnlySpan<char> text)
    {
        var found = new List<(int, int)>();
        foreach (var match in AnyPattern().EnumerateMatches(text))
        {
            if (IsId(text.Slice(match.Index, match.Length)))
            {
                found.Add((match.Index, match.Length));
            }
        }

        return found;
    }

    /// <summary>
    /// False when the text cannot hold an ID: no dash between a capital or digit and a digit. A cheap
    /// test to run before the pattern on every line of prose.
    /// </summary>
    public static bool MayHoldId(ReadOnlySpan<char> text)
    {
        for (int dash = text.IndexOf('-'); dash >= 0; dash = Next(text, dash))
        {
            if (dash > 0 && dash + 1 < text.Length && char.IsAsciiDigit(text[dash + 1]) && (char.IsAsciiLetterUpper(text[dash - 1]) || char.IsAsciiDigit(text[dash - 1])))
            {
                return true;
            }
        }

        return false;

        static int Next(ReadOnlySpan<char> text, int dash)
        {
            int next = text[(dash + 1)..].IndexOf('-');
            return next < 0 ? -1 : dash + 1 + next;
        }
    }

    public static bool IsId(string token) => IsId(token.AsSpan());

    private static bool IsId(ReadOnlySpan<char> token)
    {
        int dash = token.IndexOf('-');
        return dash > 0 && token[(dash + 1)..].IndexOfAnyInRange('0', '9') >= 0 && !NotIdsLookup.Contains(token[..dash]);
    }

    [GeneratedRegex(@"^[^\p{L}\p{N}]*?(?<id>[A-Z][A-Z0-9]*-[0-9A-Za-z]+)(?![\p{L}\p{N}])(?:\s*[:.)\]–—-]+)?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex StartPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_./-])[A-Z][A-Z0-9]*-[0-9][0-9A-Za-z]*(?![\p{L}\p{N}_-])", RegexOptions.CultureInvariant)]
    private static partial Regex AnyPattern();

    // spec-kit's `tasks.md`: `T001` to `T9999`, at the start after any emphasis.
    [GeneratedRegex(@"^[^\p{L}\p{N}]*?(?<id>T[0-9]{3,4})(?![\p{L}\p{N}])(?:\s*[:.)\]–—-]+)?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex TaskIdPattern();

    [GeneratedRegex(@"\G\[(?:P|US[0-9]+|Story[0-9]*)\]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerAfterId();
}
