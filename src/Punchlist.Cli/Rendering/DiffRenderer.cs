using Punchlist.Editing;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// Prints a unified diff as `git diff` does, coloured when colour is on. Written as plain text with
/// ANSI codes rather than through Spectre, which would wrap long lines and break the format a patch
/// tool reads. A document's own control characters are shown, not obeyed (<see cref="TerminalText"/>):
/// a line cannot hide itself, or the lines around it, on a terminal.
/// </summary>
internal static class DiffRenderer
{
    private const string Reset = "\e[0m";

    public static void Write(TextWriter output, UnifiedDiff diff, bool color)
    {
        var plain = new StringWriter { NewLine = "\n" };
        diff.Write(plain);
        foreach (string line in plain.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string text = TerminalText.Clean(line);
            string style = !color ? string.Empty : line switch
            {
                _ when line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal) => "\e[1m",
                _ when line.StartsWith("@@", StringComparison.Ordinal) => "\e[36m",
                _ when line.StartsWith('-') => "\e[31m",
                _ when line.StartsWith('+') => "\e[32m",
                _ => string.Empty,
            };
            output.Write(style.Length == 0 ? $"{text}\n" : $"{style}{text}{Reset}\n");
        }
    }
}
