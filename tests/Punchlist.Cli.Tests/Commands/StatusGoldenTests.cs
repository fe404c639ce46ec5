using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>`punch status --json` for every corpus file, against reviewed golden snapshots.</summary>
public sealed class StatusGoldenTests
{
    public static IEnumerable<object[]> Corpus() => Repo.CorpusCases();

    [CorpusTheory]
    [MemberData(nameof(Corpus))]
    public void Status_json_matches_its_golden_file(string caseName)
    {
        var (exit, output, error) = Punch.Run("status", "--json", "--today", "2026-11-21", Repo.CorpusPath(caseName));
        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, error);
        Punch.AssertGolden($"status/{caseName}.json", output);
    }

    [Fact]
    public void Samples_status_renders_as_reviewed()
    {
        var (exit, output, _) = Punch.Run("status", "--today", "2026-11-21", Path.Combine(Repo.Root, "samples"));
        Assert.Equal(0, exit);
        Punch.AssertGolden("samples-status.txt", output);
    }
}
