namespace Punchlist.Storage;

/// <summary>How text is stored for matching: lower case (in full Unicode, which SQLite's own `lower` is not).</summary>
internal static class Folding
{
    // Snippets mark matches with these two characters; they must never occur in indexed text.
    public const char MatchStart = '\u0002';
    public const char MatchEnd = '\u0003';

    public static string? Owner(string? owner) => owner?.TrimStart('@').ToLowerInvariant();

    public static string Sections(string? category, IReadOnlyList<string> sectionPath) =>
        string.Join('\n', (category is null ? sectionPath : sectionPath.Prepend(category)).Select(s => s.ToLowerInvariant()));

    public static string Indexable(string text) =>
        text.AsSpan().IndexOfAny(MatchStart, MatchEnd) < 0 ? text : text.Replace(MatchStart, ' ').Replace(MatchEnd, ' ');
}
