using Punchlist.Search;
using static Punchlist.Storage.Postgres.Tests.Pushes;

namespace Punchlist.Storage.Postgres.Tests;

/// <summary>
/// Search ranks a bounded number of candidates (a common word's matches are not all read), sorts
/// them, and reads the item JSON of the page's rows only.
/// </summary>
public sealed class TeamReaderSearchTests(TeamReaderSearchTests.Common common) : IClassFixture<TeamReaderSearchTests.Common>
{
    private const int Many = TeamReader.RankedAtMost + 100;

    /// <summary>One repository whose tracker holds more items with one word than the bound, and a few with a rare one, more or less often.</summary>
    public sealed class Common : IAsyncLifetime
    {
        private readonly TeamDatabase _database = new();

        public TeamReader Reader => _database.Store.Reader;

        public async Task InitializeAsync()
        {
            await _database.InitializeAsync();
            var items = Enumerable.Range(0, Many).Select(n => new Spec($"R-{n:0000}", $"Rollback step {n}"))
                .Concat([new Spec("Z-1", "Zebra crossing"), new Spec("Z-2", "Zebra zebra zebra crossing"), new Spec("Z-3", "Paint the zebra")]);
            await _database.Store.Pushes.PushAsync(Of("acme/common", "c1", "2026-11-20T10:00:00Z", Tracker("TODO.md", [.. items])));
        }

        public Task DisposeAsync() => _database.DisposeAsync();
    }

    [Fact]
    public async Task A_word_in_more_items_than_the_bound_is_ranked_and_counted_as_far_as_the_bound_and_its_total_is_not_exact()
    {
        var found = await common.Reader.SearchAsync(Query.Parse("rollback", new QueryContext(Today)), Today);
        var none = await common.Reader.SearchAsync(Query.Parse("rollback", new QueryContext(Today)), Today, limit: 0);

        Assert.Equal((TeamReader.RankedAtMost, false, 50), (found.Total, found.Exact, found.Hits.Count));
        Assert.Equal((TeamReader.RankedAtMost, false, 0), (none.Total, none.Exact, none.Hits.Count));
        Assert.All(found.Hits, h => Assert.StartsWith("Rollback step ", h.Item.Title, StringComparison.Ordinal));
        Assert.All(found.Hits.Zip(found.Hits.Skip(1)), p => Assert.True(p.First.Rank >= p.Second.Rank));
    }

    [Fact]
    public async Task A_filter_alone_is_not_bounded_and_counts_every_item()
    {
        var found = await common.Reader.SearchAsync(Query.Parse("id:R-", new QueryContext(Today)), Today, limit: 3);
        var none = await common.Reader.SearchAsync(Query.Parse("id:R-", new QueryContext(Today)), Today, limit: 0);

        Assert.Equal((Many, true), (found.Total, found.Exact));
        Assert.Equal((Many, true), (none.Total, none.Exact));
        Assert.Equal(["TODO.md#R-0000", "TODO.md#R-0001", "TODO.md#R-0002"], found.Hits.Select(h => h.Item.Address));
    }

    [Fact]
    public async Task A_rare_word_is_counted_exactly_and_its_items_come_best_ranked_first_with_their_whole_json()
    {
        var found = await common.Reader.SearchAsync(Query.Parse("zebra", new QueryContext(Today)), Today);

        Assert.Equal((3, true), (found.Total, found.Exact));
        Assert.Equal("TODO.md#Z-2", found.Hits[0].Item.Address);
        Assert.True(found.Hits[0].Rank > found.Hits[1].Rank);
        Assert.Equal(["Zebra zebra zebra crossing", "Zebra crossing", "Paint the zebra"], found.Hits.Select(h => h.Item.Title));
        Assert.All(found.Hits, h => Assert.Equal("acme/common", h.Repository));
    }
}
