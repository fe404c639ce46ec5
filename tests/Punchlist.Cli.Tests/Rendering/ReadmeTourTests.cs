using System.Text.RegularExpressions;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Rendering;

/// <summary>The README's tour shows output as it really is at 100 columns: these tests keep it so.</summary>
public sealed partial class ReadmeTourTests
{
    private static readonly string Samples = Path.Combine(Repo.Root, "samples");

    [Fact]
    public void The_tours_status_is_what_punch_prints()
    {
        var (_, output, _) = Punch.RunAt(100, color: false, Samples, "status", "--today", "2026-11-21", Samples);
        Assert.Equal(output.TrimEnd('\n'), Blocks()[0]);
    }

    [Fact]
    public void The_tours_list_is_what_punch_prints()
    {
        var (_, output, _) = Punch.RunAt(100, color: false, Samples, "list", "--limit", "8", "--today", "2026-11-21", Samples);
        Assert.Equal("$ punch list --limit 8\n" + output.TrimEnd('\n'), Blocks()[1]);
    }

    [Fact]
    public void The_tours_check_lines_are_what_punch_prints()
    {
        var (_, output, _) = Punch.RunAt(100, color: false, Samples, "check", "--today", "2026-11-21", Samples);
        foreach (string line in Blocks()[2].Split('\n'))
        {
            Assert.Contains(line + "\n", output, StringComparison.Ordinal);
        }
    }

    private static List<string> Blocks()
    {
        string readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).ReplaceLineEndings("\n");
        return TextBlock().Matches(readme).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("```text\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex TextBlock();
}
