using System.Buffers;
using System.Text;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// The one gate between text that came from outside (documents, file names, command output, the
/// user's own arguments) and a terminal. A control character is shown, never obeyed: C0 controls
/// become their Unicode control pictures (ESC is `␛`, a line feed `␤`), DEL `␡`, and C1 controls,
/// bidirectional overrides and line separators `�`. Each character maps to exactly one, so offsets
/// into the text (a finding's caret) stay where they were. JSON and SARIF never pass through here.
/// </summary>
internal static class TerminalText
{
    private const char Unshowable = '\uFFFD';

    private static readonly SearchValues<char> Unsafe = SearchValues.Create(Enumerable.Range(0, 0x20).Select(c => (char)c)
        .Concat(Enumerable.Range(0x7F, 0x21).Select(c => (char)c))
        .Concat(['\u061C', '\u200E', '\u200F', '\u2028', '\u2029', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'])
        .ToArray());

    /// <summary>Whether <paramref name="c"/> must not reach a terminal as it is.</summary>
    public static bool IsUnsafe(char c) => Unsafe.Contains(c);

    /// <summary>The text on one line, every control character shown instead of obeyed; a tab is a space.</summary>
    public static string Clean(string text)
    {
        int first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            builder.Append(Shown(text[i]));
        }

        return builder.ToString();
    }

    /// <summary>What stands for <paramref name="c"/> on a terminal.</summary>
    public static char Shown(char c) => c switch
    {
        '\t' => ' ',
        < ' ' => (char)(0x2400 + c),
        '\u007F' => '\u2421',
        '\u2028' or '\u2029' => '\u2424',
        _ when Unsafe.Contains(c) => Unshowable,
        _ => c,
    };

    /// <summary>Cleaned, and escaped for Spectre markup: foreign text inside a markup string.</summary>
    public static string Markup(string text) => Spectre.Console.Markup.Escape(Clean(text));

    /// <summary>Foreign text inside a one-line message (an error, a warning), cleaned and, past <paramref name="max"/> characters, cut in the middle.</summary>
    public static string Quote(string text, int max = 80)
    {
        string clean = Clean(text);
        return clean.Length <= max ? clean : $"{clean[..(max / 2)]}…{clean[^(max / 2 - 1)..]}";
    }
}
