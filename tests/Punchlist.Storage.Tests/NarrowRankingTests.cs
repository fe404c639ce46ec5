using Punchlist.Search;
using Punchlist.Storage.Queries;
using Punchlist.Tests.Support;

namespace Punchlist.Storage.Tests;

/// <summary>
/// Ranking only the first groups of matches (what a query with many matches does) gives exactly the
/// results and scores of ranking every match, whatever the limit, on every word shape: in memory (one
/// connection) and in an index file, where each half of the items is ranked on its own connection.
/// </summary>
public sealed class NarrowRankingTests
{
    public static TheoryData<string> Queries =>
    [
        "backup", "test", "docker", "monitoring alerts", "\"health check\"", "deploy OR release", "back*",
        "security -docker", "database is:open", "config doc:*.md",
    ];

    [CorpusTheory]
    [MemberData(nameof(Queries))]
    public void Narrowed_ranking_on_two_connections_matches_full_ranking(string text)
    {
        using var workspace = new TempWorkspace().CopyFrom(Repo.Seeds);
        using var index = WorkspaceIndex.Scan([workspace.Root], IndexOptions.Default);
        Assert.NotNull(index.IndexPath);
        Compare(index, text);
        Assert.True(index.SiblingOpen);

        // The same answers as one connection in memory gives (counted and ranked without halves).
        using var memory = WorkspaceIndex.Scan([workspace.Root], new IndexOptions { InMemory = true });
        var query = Query.Parse(text, IndexCacheTests.Context);
        var expected = memory.Search(query, 10);
        var actual = index.Search(query, 10);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(Describe(expected), Describe(actual));
    }

    [CorpusTheory]
    [MemberData(nameof(Queries))]
    public void Narrowed_ranking_matches_full_ranking(string text)
    {
        using var index = WorkspaceIndex.Scan([Repo.Seeds], new IndexOptions { InMemory = true });
        Compare(index, text);
        Assert.False(index.SiblingOpen);
    }

    // A tracker of 1,500 cards whose words match in titles, prose and criteria, so that queries have
    // more than a thousand matches: every match ranked is then split over two connections too.
    [Theory]
    [InlineData("backup")]
    [InlineData("backup shard")]
    [InlineData("\"the backup\"")]
    [InlineData("backup OR restore")]
    [InlineData("back*")]
    public void Many_matches_rank_the_same_in_every_mode_on_two_connections_as_on_one(string text)
    {
        using var workspace = new TempWorkspace().Write("plan.md", ManyCards());
        using var index = WorkspaceIndex.Scan([workspace.Root], IndexOptions.Default);
        using var memory = WorkspaceIndex.Scan([workspace.Root], new IndexOptions { InMemory = true });
        memory.Narrowing = Narrowing.Never;
        var query = Query.Parse(text, IndexCacheTests.Context);
        foreach (int limit in new[] { 1, 20, 200 })
        {
            var expected = memory.Search(query, limit);
            Assert.True(expected.Total > 1000, $"{text}: {expected.Total} matches");
            foreach (var mode in new[] { Narrowing.Always, Narrowing.Never, Narrowing.ByCost })
            {
                index.Narrowing = mode;
                var actual = index.Search(query, limit);
                Assert.Equal(expected.Total, actual.Total);
                Assert.Equal(Describe(expected), Describe(actual));
            }
        }

        Assert.True(index.SiblingOpen);
    }

    private static string ManyCards()
    {
        var text = new System.Text.StringBuilder("# Plan\n");
        for (int i = 1; i <= 1500; i++)
        {
            string title = (i % 3) switch { 0 => $"Backup job {i}", 1 => $"Restore drill {i}", _ => $"Tune cache {i}" };
            string prose = i % 2 == 0 ? $"The backup of shard {i} runs nightly; a backup is kept {i % 7} days." : $"Notes for item {i}: the backup plan of shard {i % 11}.";
            string criterion = i % 5 == 0 ? "verify the backup" : "document it";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n### P{i % 4}-{i:0000} {title}\n\n{prose}\n\n- [{(i % 4 == 0 ? 'x' : ' ')}] {criterion}\n- [ ] review {i}\n");
        }

        return text.ToString();
    }

    private static void Compare(IndexedWorkspace index, string text)
    {
        var query = Query.Parse(text, IndexCacheTests.Context);
        foreach (int? limit in new int?[] { 1, 3, 10, 20, 200 })
        {
            index.Narrowing = Narrowing.Never;
            var full = index.Search(query, limit);
            index.Narrowing = Narrowing.Always;
            var narrowed = index.Search(query, limit);
            Assert.Equal(full.Total, narrowed.Total);
            Assert.Equal(Describe(full), Describe(narrowed));
        }
    }

    private static List<string> Describe(SearchResults results) =>
        [.. results.Hits.Select(h => $"{h.Document}#{h.Item.Key} {h.MatchedIn} {h.Score:R}")];
}
