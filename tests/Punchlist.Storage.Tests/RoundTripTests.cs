using System.Text.Json;
using Punchlist.Analysis;
using Punchlist.Reading;
using Punchlist.Search;
using Punchlist.Tests.Support;

namespace Punchlist.Storage.Tests;

/// <summary>What the index hands back is what a fresh parse gives, for every corpus file.</summary>
public sealed class RoundTripTests
{
    public static IEnumerable<object[]> Corpus() => Repo.CorpusCases();

    [CorpusTheory]
    [MemberData(nameof(Corpus))]
    public void Records_and_facts_read_back_from_the_index_equal_a_fresh_parse(string caseName)
    {
        string path = Repo.CorpusPath(caseName);
        using var workspace = new TempWorkspace().CopyFrom(Path.GetDirectoryName(path)!);
        string name = Path.GetFileName(path);
        var fresh = DocumentRecord.Of(DocumentReader.Default.Read(name, File.ReadAllBytes(path)));

        using var index = WorkspaceIndex.Scan([workspace.Path(name)], IndexOptions.Default);
        Assert.Equal(Json(fresh.Facts), Json(Assert.Single(index.Documents)));
        Assert.Equal(Json(fresh.Items), Json(index.ReadItems(name)));
        Assert.Equal(Json(DocumentSummary.Of(fresh.Facts)), Json(Assert.Single(index.Summaries)));
    }

    [CorpusFact]
    public void A_summary_counts_overdue_items_as_the_items_do_on_any_day()
    {
        var facts = DocumentRecord.Of(DocumentReader.Default.Read("d.md", File.ReadAllBytes(Path.Combine(Repo.Seeds, "data-platform-todo.md")))).Facts;
        var summary = DocumentSummary.Of(facts);
        for (var day = new DateOnly(2025, 1, 1); day < new DateOnly(2026, 3, 1); day = day.AddDays(9))
        {
            Assert.Equal(facts.Items.Count(i => Dates.IsOverdue(i, day)), summary.Overdue(day));
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
}
