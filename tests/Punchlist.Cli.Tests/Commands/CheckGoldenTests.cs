using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>`punch check --json` for every corpus file, against reviewed golden snapshots (PUNCHLIST_UPDATE_GOLDEN=1 rewrites them).</summary>
public sealed class CheckGoldenTests
{
    public static IEnumerable<object[]> Corpus() => Repo.CorpusCases();

    [CorpusTheory]
    [MemberData(nameof(Corpus))]
    public void Check_json_matches_its_golden_file(string caseName)
    {
        var (exit, output, error) = Punch.Run("check", "--json", "--today", "2026-11-21", "--fail-on", "none", Repo.CorpusPath(caseName));
        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, error);
        Punch.AssertGolden($"check/{caseName}.json", output);
    }

    [Fact]
    public void Samples_check_renders_as_reviewed()
    {
        var (exit, output, _) = Punch.Run("check", "--today", "2026-11-21", Path.Combine(Repo.Root, "samples"));
        Assert.Equal(1, exit);
        Punch.AssertGolden("samples-check.txt", output);
    }
}
