using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Rendering;

/// <summary>Tables fit the width they are given: the path gives way, never the numbers, and never the whole table.</summary>
public sealed class LayoutTests
{
    private const string LongPath = "docs/plans/2026/q1/a-folder-with-a-long-name/production-readiness-checklist-for-the-payments-platform.md";

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(160)]
    public void A_long_tracker_path_shortens_and_the_table_stays(int width)
    {
        // Reliability review W11: a path longer than the table's width made the whole table one `…`.
        using var workspace = new TempWorkspace();
        workspace.Write(LongPath, "# Checklist\n\n- [x] one\n- [ ] two\n- [ ] three\n");
        workspace.Write("TODO.md", "# Todo\n\n- [x] a\n- [x] b\n- [ ] c\n- [ ] d\n");
        var (exit, output, error) = Punch.RunAt(width, color: false, workspace.Root, "status", workspace.Root);
        Assert.True(exit == 0, error);
        var lines = output.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));
        string checklist = Assert.Single(lines, l => l.StartsWith("docs/", StringComparison.Ordinal));
        Assert.Contains("…", checklist, StringComparison.Ordinal);
        Assert.Contains("33%", checklist, StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("TODO.md", StringComparison.Ordinal) && l.Contains("50%", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("Total", StringComparison.Ordinal) && l.Contains(" 7 ", StringComparison.Ordinal) && l.Contains("42%", StringComparison.Ordinal));
    }
}
