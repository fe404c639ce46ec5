namespace Punchlist.Evidence.Probes.Infrastructure;

/// <summary>
/// Terraform files read as text, block by block: `required_providers { aws = { … version = "~&gt; 5.0" } }`
/// and `module "x" { source = … }`. Enough of HCL's brace structure for probes; not an HCL parser.
/// </summary>
internal static class TerraformFiles
{
    public static IReadOnlyList<string> All(ProbeContext context) =>
        context.Index.Files.Where(f => f.EndsWith(".tf", StringComparison.Ordinal) || f.EndsWith(".tofu", StringComparison.Ordinal)).ToList();

    /// <summary>Each provider named in a `required_providers` block, with its line and whether it has a version.</summary>
    public static IEnumerable<(string File, string Provider, int Line, bool Pinned)> Providers(ProbeContext context)
    {
        foreach (string file in All(context))
        {
            string[] lines = (context.ReadText(file) ?? string.Empty).Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (!lines[i].TrimStart().StartsWith("required_providers", StringComparison.Ordinal))
                {
                    continue;
                }

                int depth = 0;
                (string Name, int Line, bool Pinned)? current = null;
                for (int j = i; j < lines.Length; j++)
                {
                    string line = Uncomment(lines[j]);
                    if (depth == 1 && line.Contains('=', StringComparison.Ordinal))
                    {
                        if (current is { } done)
                        {
                            yield return (file, done.Name, done.Line, done.Pinned);
                        }

                        string name = line[..line.IndexOf('=', StringComparison.Ordinal)].Trim();
                        current = (name, j + 1, line.Contains("version", StringComparison.Ordinal));
                    }
                    else if (depth >= 2 && current is { } open && line.TrimStart().StartsWith("version", StringComparison.Ordinal))
                    {
                        current = open with { Pinned = true };
                    }

                    depth += line.Count(c => c == '{') - line.Count(c => c == '}');
                    if (depth <= 0 && j > i)
                    {
                        break;
                    }
                }

                if (current is { } last)
                {
                    yield return (file, last.Name, last.Line, last.Pinned);
                }
            }
        }
    }

    private static string Uncomment(string line)
    {
        int hash = line.IndexOf('#', StringComparison.Ordinal);
        int slashes = line.IndexOf("//", StringComparison.Ordinal);
        int cut = hash >= 0 && (slashes < 0 || hash < slashes) ? hash : slashes;
        return cut >= 0 ? line[..cut] : line;
    }
}
