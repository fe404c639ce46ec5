using Punchlist.Search;
using Punchlist.Storage.Queries;
using Punchlist.Tests.Support;

namespace Punchlist.Storage.Tests;

/// <summary>Ranking and facets on the five seeds, against counts worked out by hand from the files.</summary>
public sealed class SeedSearchTests : IClassFixture<SeedSearchTests.Seeds>
{
    private readonly IndexedWorkspace _index;

    public SeedSearchTests(Seeds seeds) => _index = seeds.Index;

    [CorpusTheory]
    [InlineData("id:MH-", 15)]             // MH-001..MH-015 in data-platform-todo.md
    [InlineData("id:P0-", 11)]             // 3 `## P0-…` cards in data-platform, 8 `### P0-…` in optimization-health
    [InlineData("priority:p0", 23)]        // the 15 Must Haves and those 8
    [InlineData("priority:none", 313)]     // the 10 rows of infrastructure-devops' matrix among them
    [InlineData("-priority:p0", 352)]      // 375 items less the 23: unprioritised items are not lost to NOT
    [InlineData("-(priority:p0 OR owner:github)", 349)] // less the 23 and 3 owned non-P0 items: NULL priorities and owners under an OR are not lost either
    [InlineData("-(priority:p0 is:open)", 353)] // less the 22 open P0s: the in-progress P0-002 stays
    [InlineData("doc:data-platform-todo.md", 23)]
    [InlineData("doc:*-todos.md", 272)]    // infrastructure-devops (220 tasks and 10 matrix rows) and optimization-health (42)
    [InlineData("doc:data-platform-todo.md is:in-progress", 3)]
    [InlineData("is:overdue", 23)]         // every dated item of data-platform, all due in 2025
    [InlineData("is:overdue priority:p0", 15)]
    [InlineData("effort:<=2h", 19)]        // 18 cards of 1 or 2 hours in optimization-health, and 0.25 days
    [InlineData("effort:>8h", 21)]         // 4 cards of 10 or 12 hours; 17 data-platform cards of 1.5 to 3 days (1 day is 8 h, not more)
    [InlineData("has:owner", 4)]           // `Assignee: GitHub Copilot` four times; TBD is nobody
    [InlineData("owner:github", 4)]        // the name starts with it
    [InlineData("owner:copilot", 0)]       // a later word of the name is not a prefix of it
    [InlineData("owner:none", 371)]
    [InlineData("category:security doc:data-platform*", 7)] // `Category: Security` seven times; no heading there says security
    [InlineData("priority:p0..p1 is:open -doc:data-platform-todo.md", 22)] // 8 P0 and 14 P1 cards in optimization-health
    public void Facets_count_what_the_seeds_hold(string query, int expected) =>
        Assert.Equal(expected, Search(query, limit: null).Total);

    [CorpusTheory]
    [InlineData("priority:none", 1)]  // 313 matches for one wanted: walked in document order
    [InlineData("priority:none", 5)]  // fewer than a hundred per wanted: found, then sorted
    [InlineData("backup", 2)]         // ranked
    public void A_limit_keeps_that_many_hits_in_document_order_and_counts_them_all(string query, int limit)
    {
        var all = Search(query, limit: null);
        var limited = Search(query, limit);
        Assert.Equal(all.Total, limited.Total);
        Assert.Equal(all.Hits.Take(limit).Select(h => h.Item.Key), limited.Hits.Select(h => h.Item.Key));
    }

    [CorpusFact]
    public void Title_matches_come_before_matches_in_criteria_and_text()
    {
        var hits = Search("backup", limit: null).Hits.ToList();
        int lastTitle = hits.FindLastIndex(h => h.MatchedIn == MatchField.Title);
        int firstOther = hits.FindIndex(h => h.MatchedIn != MatchField.Title);
        Assert.True(lastTitle < firstOther, $"a title match at {lastTitle} after another at {firstOther}");
        Assert.All(hits.Take(lastTitle + 1), h => Assert.Contains("backup", h.Item.Title, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["MH-002", "P2-012", "P1-007"], hits.Take(3).Select(h => h.Item.Key));
    }

    [CorpusFact]
    public void Words_are_stemmed_both_ways()
    {
        var plural = Keys("backups");
        Assert.Equal(plural, Keys("backup"));
        Assert.Contains("backup-strategy/backup-verification", plural);
    }

    [CorpusFact]
    public void A_phrase_matches_the_words_in_that_order_only()
    {
        var phrase = Search("\"backup verification\"", limit: null).Hits.Select(h => h.Item.Title).ToList();
        Assert.Contains("Backup verification", phrase);
        Assert.Contains("Implement Backup Verification", phrase);
        Assert.DoesNotContain("Backup Strategy", phrase);
        Assert.True(Search("verification backup", limit: null).Total > Search("\"verification backup\"", limit: null).Total);
    }

    [CorpusFact]
    public void Negated_words_exclude_and_OR_widens()
    {
        int backup = Search("backup", null).Total, restore = Search("restore", null).Total, both = Search("backup restore", null).Total;
        Assert.Equal(backup + restore - both, Search("backup OR restore", null).Total);
        Assert.Equal(backup - both, Search("backup -restore", null).Total);
    }

    [CorpusFact]
    public void Tech_priority_and_state_combine()
    {
        var hits = Search("tech:docker priority:p0 is:open", limit: null).Hits;
        Assert.NotEmpty(hits);
        Assert.All(hits, h =>
        {
            Assert.Equal(Model.ItemState.Open, h.Item.State);
            Assert.Equal(0, h.Item.Priority?.Rank);
            Assert.Contains("Docker", FullRecord(h).Tech);
        });
    }

    [CorpusFact]
    public void The_limit_cuts_the_results_but_not_the_total()
    {
        var results = Search("backup", limit: 3);
        Assert.Equal(3, results.Hits.Count);
        Assert.True(results.Total > 3);
    }

    [CorpusFact]
    public void Snippets_mark_the_matched_words()
    {
        var hit = Search("backup", 1).Hits[0];
        var snippet = Assert.IsType<Snippet>(hit.Snippet);
        Assert.NotEmpty(snippet.Matches);
        Assert.All(snippet.Matches, m => Assert.StartsWith("backup", snippet.Text[m], StringComparison.OrdinalIgnoreCase));
    }

    [CorpusTheory]
    [InlineData("sort:due is:overdue", "P0-001")]          // due 2025-10-28, the earliest
    [InlineData("sort:due-desc is:overdue", "SH-005")]     // due 2025-11-20, the latest
    [InlineData("sort:priority doc:optimization*", "P0-001")]
    [InlineData("sort:priority-desc doc:optimization*", "P3-001")]
    [InlineData("sort:progress-desc doc:data-platform*", "MH-001")] // 4 of 6 criteria ticked, the most done
    public void Sort_orders_by_the_field(string query, string first) =>
        Assert.Equal(first, Search(query, 1).Hits[0].Item.Key);

    private SearchResults Search(string query, int? limit) => _index.Search(Query.Parse(query, IndexCacheTests.Context), limit);

    private List<string> Keys(string query) => Search(query, null).Hits.Select(h => h.Item.Key).Order(StringComparer.Ordinal).ToList();

    private ItemRecord FullRecord(SearchHit hit) => _index.ReadItems(hit.Document).Single(i => i.Key == hit.Item.Key);

    /// <summary>The seeds, indexed once in memory for the whole class.</summary>
    public sealed class Seeds : IDisposable
    {
        public IndexedWorkspace Index { get; } = WorkspaceIndex.Scan([Repo.Seeds], new IndexOptions { InMemory = true });

        public void Dispose() => Index.Dispose();
    }
}
