using Punchlist.Search;
using Punchlist.Storage.Queries;
using Punchlist.Tests.Support;

namespace Punchlist.Storage.Tests;

/// <summary>
/// Ranking only the first groups of matches (what a query with many matches does) gives exactly the
/// results and scores of ranking every match, whatever the limit, on every word shape.
/// </summary>
public sealed class NarrowRankingTests
{
    [Theory]
    [InlineData("backup")]
    [InlineData("test")]
    [InlineData("docker")]
    [InlineData("monitoring alerts")]
    [InlineData("\"health check\"")]
    [InlineData("deploy OR release")]
    [InlineData("back*")]
    [InlineData("security -docker")]
    [InlineData("database is:open")]
    [InlineData("config doc:*.md")]
    public void Narrowed_ranking_matches_full_ranking(string text)
    {
        using var index = WorkspaceIndex.Scan([Repo.Seeds], new IndexOptions { InMemory = true });
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
