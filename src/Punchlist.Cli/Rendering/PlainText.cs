namespace Punchlist.Cli.Rendering;

/// <summary>
/// Lines as `--plain` prints them: without the box drawing that only frames (a gutter `│` becomes a
/// tab between the line number and its text; a rule `───` is left out) and without indentation or
/// trailing space, so each line reads the same to a script and a screen reader. Only what the
/// renderers draw is taken for decoration: a `│` in a document's own text is kept as text.
/// </summary>
internal static class PlainText
{
    /// <summary>The line as plain prints it, or null when it held only decoration.</summary>
    public static string? Line(string text)
    {
        string line = text.Trim();
        return IsDecoration(line) ? null : line;
    }

    /// <summary>What a renderer draws before a line's text (a gutter, `    12 │ `) as plain prints it: `12` and a tab.</summary>
    public static string Prefix(string text) =>
        text.Replace(" │ ", "\t", StringComparison.Ordinal).Replace(" │", "\t", StringComparison.Ordinal).Replace("│", string.Empty, StringComparison.Ordinal).TrimStart(' ');

    /// <summary>A table cell: one field, so no tab or line break inside it, and no padding; a bar alone is no value.</summary>
    public static string Field(string text)
    {
        string field = text.Replace('\t', ' ').Replace('\n', ' ').Trim();
        return IsDecoration(field) ? string.Empty : field;
    }

    /// <summary>Box drawing (U+2500–U+257F) and block elements (U+2580–U+259F): bars, rules, frames.</summary>
    public static bool IsBox(char c) => c is >= '\u2500' and <= '\u259F';

    private static bool IsDecoration(string line) => line.Length > 0 && line.All(c => IsBox(c) || c == ' ');
}
