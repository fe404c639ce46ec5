using Punchlist.Editing;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// Prints a unified diff as `git diff` does, coloured when the console takes colour. Written as
/// plain text with ANSI codes rather than through Spectre, which would wrap long lines and break
/// the format a patch tool reads.
/// </summary>
internal static class DiffRenderer
{
    private const string Reset = "\e[0m";

    public static void Write(TextWriter output, UnifiedDiff diff, bool color)
    {
        if (!color)
        {
            diff.Write(output);
            return;
        }

        var plain = new StringWriter { NewLine = "\n" };
        diff.Write(plain);
        foreach (string line in plain.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string style = line switch
            {
                _ when line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal) => "\e[1m",
                _ when line.StartsWith("@@", StringComparison.Ordinal) => "\e[36m",
                _ when line.StartsWith('-') => "\e[31m",
                _ when line.StartsWith('+') => "\e[32m",
                _ => string.Empty,
            };
            output.Write(style.Length == 0 ? $"{line}\n" : $"{style}{line}{Reset}\n");
        }
    }
}
