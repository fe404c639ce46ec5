namespace Punchlist.Evidence.Probes;

/// <summary>Finding a tool's name in a script or a config line: case-insensitive, on word boundaries (`npm test`, not `npm testify`).</summary>
internal static class TextSearch
{
    public static bool Has(string? text, string phrase)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        for (int at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            int end = at + phrase.Length;
            if ((at == 0 || !IsWordChar(text[at - 1]) || !IsWordChar(phrase[0])) && (end == text.Length || !IsWordChar(text[end]) || !IsWordChar(phrase[^1])))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasAny(string? text, IEnumerable<string> phrases) => phrases.Any(p => Has(text, p));

    /// <summary>The 1-based lines of <paramref name="text"/> holding any of the phrases.</summary>
    public static IEnumerable<(int Line, string Text)> Lines(string text, IEnumerable<string> phrases)
    {
        var list = phrases as IReadOnlyCollection<string> ?? phrases.ToList();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (HasAny(lines[i], list))
            {
                yield return (i + 1, lines[i].Trim());
            }
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
