using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Evidence.Commands;

/// <summary>A fenced shell block inside an item, under a heading or label such as `Validation Commands` or `Verification`.</summary>
internal sealed record CommandBlock(string Language, string Script, int Line)
{
    private static readonly string[] Shells = ["", "sh", "bash", "shell", "zsh", "console", "shell-session", "shellsession"];
    private static readonly string[] PowerShells = ["powershell", "pwsh", "ps1", "ps"];

    public bool IsPowerShell => PowerShells.Contains(Language, StringComparer.OrdinalIgnoreCase);

    /// <summary>The first command, for display.</summary>
    public string FirstCommand => Script.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#')) ?? Script.Trim();

    public static IEnumerable<CommandBlock> In(TrackerDocument document, Item item)
    {
        string text = document.Source.Text;
        foreach (var verbatim in VerbatimSpans.Within(document, item.Span))
        {
            string block = text.Substring(verbatim.Start, verbatim.Length);
            if (Parse(block) is not var (language, script) || !(Shells.Contains(language, StringComparer.OrdinalIgnoreCase) || PowerShells.Contains(language, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            int line = document.PositionOf(verbatim.Start).Line;
            if (IsUnderVerification(document, line) && script.Trim().Length > 0)
            {
                yield return new CommandBlock(language, script, line);
            }
        }
    }

    // ```bash … ``` (or ~~~): the info string's first word, and the lines between the fences without the fence's indentation.
    private static (string Language, string Script)? Parse(string block)
    {
        string[] lines = block.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string first = lines[0].TrimStart(' ', '>');
        int indent = lines[0].Length - lines[0].TrimStart(' ').Length;
        char fence = first.Length > 0 ? first[0] : ' ';
        if (fence is not ('`' or '~') || !first.StartsWith(new string(fence, 3), StringComparison.Ordinal))
        {
            return null;
        }

        string info = first.TrimStart(fence).Trim();
        string language = info.Split(' ', '{')[0];
        var body = lines.Skip(1).ToList();
        if (body.Count > 0 && body[^1].TrimStart().StartsWith(new string(fence, 3), StringComparison.Ordinal))
        {
            body.RemoveAt(body.Count - 1);
        }

        var script = body.Select(l => l.Length >= indent && l[..indent].Trim().Length == 0 ? l[indent..] : l.TrimStart())
            .Select(l => l.StartsWith("$ ", StringComparison.Ordinal) ? l[2..] : l);
        return (language, string.Join('\n', script));
    }

    // The nearest heading or label line above the block names verification or validation.
    private static bool IsUnderVerification(TrackerDocument document, int line)
    {
        var lines = document.Source.Lines;
        string text = document.Source.Text;
        for (int n = line - 2; n >= 0 && n >= line - 12; n--)
        {
            var span = lines.LineSpan(text, n);
            string content = text.Substring(span.Start, span.Length).Trim();
            if (content.Length == 0)
            {
                continue;
            }

            string words = TextFold.Words(content);
            bool label = content.StartsWith('#') || content.EndsWith(':') || content.EndsWith(":**", StringComparison.Ordinal) || (content.StartsWith("**", StringComparison.Ordinal) && content.EndsWith("**", StringComparison.Ordinal));
            if (label)
            {
                return words.Contains("verif", StringComparison.Ordinal) || words.Contains("validat", StringComparison.Ordinal)
                    || words.Contains("test command", StringComparison.Ordinal) || words.Contains("check command", StringComparison.Ordinal) || words.Contains("smoke test", StringComparison.Ordinal);
            }
        }

        return false;
    }
}
