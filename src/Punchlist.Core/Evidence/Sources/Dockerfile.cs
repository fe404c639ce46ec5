namespace Punchlist.Evidence.Sources;

internal sealed record DockerInstruction(string Keyword, string Arguments, int Line);

/// <summary>One build stage: its FROM and what follows until the next FROM.</summary>
internal sealed record DockerStage(DockerInstruction From, IReadOnlyList<DockerInstruction> Instructions)
{
    /// <summary>The image named by FROM, without `--platform` and `AS name`.</summary>
    public string Image => From.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? string.Empty;

    public string? Name
    {
        get
        {
            var words = From.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int at = Array.FindIndex(words, w => string.Equals(w, "as", StringComparison.OrdinalIgnoreCase));
            return at >= 0 && at + 1 < words.Length ? words[at + 1] : null;
        }
    }

    public IEnumerable<DockerInstruction> All(string keyword) =>
        Instructions.Where(i => string.Equals(i.Keyword, keyword, StringComparison.Ordinal));
}

/// <summary>
/// A Dockerfile read into stages of instructions: comments dropped, `\` continuations joined,
/// heredoc bodies skipped, each instruction at the line it starts on. Not a full BuildKit parser,
/// just what probes need.
/// </summary>
internal sealed record Dockerfile(string Path, IReadOnlyList<DockerStage> Stages)
{
    public DockerStage? Final => Stages.Count > 0 ? Stages[^1] : null;

    /// <summary>`Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `Containerfile`.</summary>
    public static bool IsDockerfileName(string name) =>
        name.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Containerfile", StringComparison.OrdinalIgnoreCase);

    public static Dockerfile Parse(string path, string text)
    {
        var stages = new List<DockerStage>();
        DockerInstruction? from = null;
        var current = new List<DockerInstruction>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            string trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            int start = i;
            string joined = trimmed;
            while (joined.EndsWith('\\') && i + 1 < lines.Length)
            {
                joined = joined[..^1] + " " + lines[++i].TrimEnd('\r').Trim();
            }

            int space = joined.IndexOfAny([' ', '\t']);
            string keyword = (space < 0 ? joined : joined[..space]).ToUpperInvariant();
            string arguments = space < 0 ? string.Empty : joined[(space + 1)..].Trim();
            i = SkipHeredoc(lines, i, arguments);
            var instruction = new DockerInstruction(keyword, arguments, start + 1);
            if (keyword == "FROM")
            {
                if (from is not null)
                {
                    stages.Add(new DockerStage(from, current));
                }

                from = instruction;
                current = [];
            }
            else
            {
                current.Add(instruction);
            }
        }

        if (from is not null)
        {
            stages.Add(new DockerStage(from, current));
        }

        return new Dockerfile(path, stages);
    }

    // `RUN <<EOF` … `EOF`: the body is script, not instructions.
    private static int SkipHeredoc(string[] lines, int i, string arguments)
    {
        int at = arguments.IndexOf("<<", StringComparison.Ordinal);
        if (at < 0)
        {
            return i;
        }

        string marker = new(arguments[(at + 2)..].TrimStart('-', '~').Trim('"', '\'').TakeWhile(c => char.IsLetterOrDigit(c) || c == '_').ToArray());
        if (marker.Length == 0)
        {
            return i;
        }

        for (int j = i + 1; j < lines.Length; j++)
        {
            if (string.Equals(lines[j].Trim(), marker, StringComparison.Ordinal))
            {
                return j;
            }
        }

        return i;
    }
}
