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

    /// <summary>An ID at the start of a heading or task text, after any emoji, brackets or emphasis.</summary>
    public static Match? AtStart(string text)
    {
        var m = StartPattern().Match(text);
        return m.Success && IsId(m.Groups["id"].Value) ? m : null;
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

        return cut < text.Length ? cut : -1;
    }

    /// <summary>Every ID mentioned anywhere in the text.</summary>
    public static IEnumerable<Match> All(string text) => AnyPattern().Matches(text).Where(m => IsId(m.Value));

    public static bool IsId(string token)
    {
        int dash = token.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && token.AsSpan(dash + 1).IndexOfAnyInRange('0', '9') >= 0 && !NotIds.Contains(token[..dash]);
    }

    [GeneratedRegex(@"^[^\p{L}\p{N}]*?(?<id>[A-Z][A-Z0-9]*-[0-9A-Za-z]+)(?![\p{L}\p{N}])(?:\s*[:.)\]–—-]+)?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex StartPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_./-])[A-Z][A-Z0-9]*-[0-9][0-9A-Za-z]*(?![\p{L}\p{N}_-])", RegexOptions.CultureInvariant)]
    private static partial Regex AnyPattern();
}
