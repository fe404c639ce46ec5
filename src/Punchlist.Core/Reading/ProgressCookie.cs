using System.Text.RegularExpressions;

namespace Punchlist.Reading;

/// <summary>
/// Org-mode's progress cookies as teams write them in Markdown headings and list items: `[/]` and
/// `[%]` ask for a count, `[2/5]` and `[40%]` state one. `punch sync` keeps them true.
/// </summary>
public static partial class ProgressCookie
{
    /// <summary>A cookie: `fraction` (`[/]`, `[2/5]`) or `percent` (`[%]`, `[40%]`).</summary>
    [GeneratedRegex(@"\[(?:(?<fraction>\d{0,9}/\d{0,9})|(?<percent>\d{0,9}%))\]", RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();

    /// <summary>The text without its cookies, for keys that must not change as the cookie does.</summary>
    public static string Strip(string text) =>
        text.Contains('[', StringComparison.Ordinal) ? Pattern().Replace(text, string.Empty).Trim() : text;

    /// <summary>The cookie written the way <paramref name="existing"/> is (a fraction or a percentage).</summary>
    public static string Format(string existing, int done, int total) =>
        existing.Contains('%', StringComparison.Ordinal)
            ? $"[{new Analysis.Fraction(done, total).Percent ?? 0}%]"
            : $"[{done}/{total}]";
}
