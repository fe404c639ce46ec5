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

    [Theory]
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

    [Theory]
    [MemberData(nameof(Queries))]
    public void Narrowed_ranking_matches_full_ranking(string text)
    {
        using var index = WorkspaceIndex.Scan([Repo.Seeds], new IndexOptions { InMemory = true });
        Compare(index, text);
        Assert.False(index.SiblingOpen);
    }

    private static void Compare(IndexedWorkspace index, string text)
    {
        var query = Query.Parse(text, IndexCacheTests.Context);
        foreach (int? limit in new int?[] { 1, 3, 10, 20, 200 })
        {
            index.NarrowRankingAbove = int.MaxValue;
            var full = index.Search(query, limit);
            index.NarrowRankingAbove = 0;
            var narrowed = index.Search(query, limit);
            Assert.Equal(full.Total, narrowed.Total);
            Assert.Equal(Describe(full), Describe(narrowed));
        }
    }

    private static List<string> Describe(SearchResults results) =>
        [.. results.Hits.Select(h => $"{h.Document}#{h.Item.Key} {h.MatchedIn} {h.Score:R}")];
}
