using System.Globalization;
using SortKey = Punchlist.Search.SortKey;
using Punchlist.Model;
using Punchlist.Search;

namespace Punchlist.Tests.Search;

public sealed class QueryParserTests
{
    // A Saturday, so this-week runs Monday 2026-11-16 to Sunday 2026-11-22.
    private static readonly QueryContext Context = new(new DateOnly(2026, 11, 21), HoursPerDay: 8);

    [Theory]
    [InlineData("backup", "backup")]
    [InlineData("backups restore", "AND(backups, restore)")]
    [InlineData("\"exact phrase\"", "\"exact phrase\"")]
    [InlineData("back*", "back*")]
    [InlineData("-word", "NOT(word)")]
    [InlineData("backup OR restore", "OR(backup, restore)")]
    [InlineData("backup OR restore is:open", "AND(OR(backup, restore), state:open)")]
    [InlineData("a OR b OR c", "OR(a, b, c)")]
    [InlineData("(a b) OR c", "OR(AND(a, b), c)")]
    [InlineData("-(a OR b)", "NOT(OR(a, b))")]
    [InlineData("backup or restore", "AND(backup, or, restore)")]
    [InlineData("12:30 http://x.org", "AND(12:30, http://x.org)")]
    [InlineData("& backup —", "backup")]
    public void Words_phrases_negation_and_OR_parse_into_a_tree(string query, string expected) =>
        Assert.Equal(expected, Dump(query));

    [Theory]
    [InlineData("id:MH-", "id:MH-")]
    [InlineData("priority:p0", "priority:0")]
    [InlineData("priority:p0..p1", "priority:0,1")]
    [InlineData("priority:P2..P0", "priority:0,1,2")]
    [InlineData("priority:must", "priority:0")]
    [InlineData("priority:should,low", "priority:1,3")]
    [InlineData("priority:wont", "priority:3")]
    [InlineData("priority:none", "priority:none")]
    [InlineData("prio:high", "priority:1")]
    [InlineData("state:open", "state:open")]
    [InlineData("is:in-progress", "state:in-progress")]
    [InlineData("is:done,blocked", "state:done,blocked")]
    [InlineData("is:overdue", "overdue<2026-11-21")]
    [InlineData("is:stale", "stale<2026-11-21")]
    [InlineData("is:contradicted", "contradicted")]
    [InlineData("owner:@Alice", "owner:Alice")]
    [InlineData("owner:none", "owner:none")]
    [InlineData("owner:\"backend team\"", "owner:backend team")]
    [InlineData("category:security", "section:security")]
    [InlineData("section:Backup", "section:Backup")]
    [InlineData("doc:plans/*.md", "doc:plans/*.md")]
    [InlineData("due:<2025-11-10", "due:..2025-11-09")]
    [InlineData("due:<=today", "due:..2026-11-21")]
    [InlineData("due:>today", "due:2026-11-22..")]
    [InlineData("due:>=2026-01-01", "due:2026-01-01..")]
    [InlineData("due:2025-11-03", "due:2025-11-03..2025-11-03")]
    [InlineData("due:this-week", "due:2026-11-16..2026-11-22")]
    [InlineData("due:next-week", "due:2026-11-23..2026-11-29")]
    [InlineData("due:this-month", "due:2026-11-01..2026-11-30")]
    [InlineData("due:2025-11-01..2025-11-30", "due:2025-11-01..2025-11-30")]
    [InlineData("effort:<=4h", "effort:..4]")]
    [InlineData("effort:>1d", "effort:(8..")]
    [InlineData("effort:30m", "effort:[0.5..0.5]")]
    [InlineData("effort:2h..1w", "effort:[2..40]")]
    [InlineData("has:files", "has:Files")]
    [InlineData("has:owner", "has:Owner")]
    [InlineData("has:due", "has:Due")]
    [InlineData("tech:k8s", "tech:Kubernetes")]
    [InlineData("tech:postgres", "tech:PostgreSQL")]
    [InlineData("tech:Docker", "tech:Docker")]
    [InlineData("-priority:p0", "NOT(priority:0)")]
    [InlineData("-tech:docker is:open", "AND(NOT(tech:Docker), state:open)")]
    public void Every_filter_parses_its_values(string query, string expected) =>
        Assert.Equal(expected, Dump(query));

    [Theory]
    [InlineData("backup", SortKey.Relevance, false)]
    [InlineData("backup sort:priority", SortKey.Priority, false)]
    [InlineData("sort:due is:open", SortKey.Due, false)]
    [InlineData("sort:progress-desc", SortKey.Progress, true)]
    [InlineData("sort:relevance", SortKey.Relevance, false)]
    [InlineData("sort:state", SortKey.State, false)]
    [InlineData("owner:ana sort:state-desc", SortKey.State, true)]
    public void Sort_is_taken_out_of_the_tree(string query, SortKey key, bool descending)
    {
        var parsed = Query.Parse(query, Context);
        Assert.Equal(new SortOrder(key, descending), parsed.Sort);
        Assert.DoesNotContain("sort", Dump(query), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"automated backups", 1, "the quote is never closed")]
    [InlineData("backup \"x", 8, "the quote is never closed")]
    [InlineData("priority:p9", 10, "not a priority")]
    [InlineData("is:open priority:urgentish", 18, "not a priority")]
    [InlineData("state:finished", 7, "not a state")]
    [InlineData("due:<2025-13-01", 6, "not a date")]
    [InlineData("due:<", 6, "needs a value")]
    [InlineData("effort:<=4x", 10, "not an effort")]
    [InlineData("has:wings", 5, "not something an item has")]
    [InlineData("tech:cobol", 6, "not a technology")]
    [InlineData("colour:red", 1, "not a filter")]
    [InlineData("owner:", 7, "needs a value")]
    [InlineData("OR backup", 1, "'OR' needs a term on each side")]
    [InlineData("backup OR", 8, "'OR' needs a term on each side")]
    [InlineData("a OR OR b", 3, "'OR' needs a term on each side")]
    [InlineData("- backup", 1, "'-' must touch")]
    [InlineData("(backup", 1, "'(' is never closed")]
    [InlineData("backup)", 7, "')' closes no '('")]
    [InlineData("()", 1, "holds nothing")]
    [InlineData("sort:size", 6, "not a sort order")]
    [InlineData("sort:due sort:priority", 10, "given twice")]
    [InlineData("-sort:due", 2, "applies to the whole query")]
    [InlineData("priority:p0,,p1", 13, "an empty value")]
    [InlineData("is:overdue,open", 4, "cannot be listed")]
    [InlineData("priority:p0..none", 14, "cannot include 'none'")]
    public void A_malformed_query_names_the_column_of_its_error(string query, int column, string message)
    {
        var error = Assert.Throws<PunchlistException>(() => Query.Parse(query, Context));
        Assert.StartsWith($"malformed query at column {column.ToString(CultureInfo.InvariantCulture)}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backup is:open", "backup", "state:open", "backup")]
    [InlineData("backup OR restore -draft", "AND(OR(backup, restore), NOT(draft))", null, "backup restore")]
    [InlineData("is:open priority:p0", null, "AND(state:open, priority:0)", "")]
    [InlineData("backup OR is:blocked", null, "OR(backup, state:blocked)", "")]
    [InlineData("-backup is:open", null, "AND(NOT(backup), state:open)", "")]
    public void Required_words_rank_and_everything_else_filters(string query, string? ranked, string? filter, string terms)
    {
        var plan = SearchPlan.Of(Query.Parse(query, Context));
        Assert.Equal(ranked, plan.Ranked is null ? null : Dump(plan.Ranked));
        Assert.Equal(filter, plan.Filter is null ? null : Dump(plan.Filter));
        Assert.Equal(terms, string.Join(' ', plan.Terms.Select(t => t.Text)));
    }

    [Fact]
    public void An_empty_query_matches_everything_unranked()
    {
        var query = Query.Parse("   ", Context);
        Assert.Null(query.Root);
        Assert.False(query.IsRanked);
    }

    [Fact]
    public void Effort_in_days_follows_the_workspace_hours_per_day()
    {
        var six = Query.Parse("effort:1d", Context with { HoursPerDay = 6 });
        Assert.Equal("effort:[6..6]", Dump(six.Root!));
    }

    private static string Dump(string query) => Query.Parse(query, Context).Root is { } root ? Dump(root) : string.Empty;

    private static string Dump(QueryNode node) => node switch
    {
        AllOf all => $"AND({string.Join(", ", all.Parts.Select(Dump))})",
        AnyOf any => $"OR({string.Join(", ", any.Parts.Select(Dump))})",
        Not not => $"NOT({Dump(not.Part)})",
        Words { IsPhrase: true } w => $"\"{w.Text}\"",
        Words w => w.Text + (w.IsPrefix ? "*" : string.Empty),
        IdFilter f => $"id:{f.Prefix}",
        PriorityFilter f => "priority:" + string.Join(',', f.Ranks.Select(r => r?.ToString(CultureInfo.InvariantCulture) ?? "none")),
        StateFilter f => "state:" + string.Join(',', f.States.Select(s => s.Name())),
        OverdueFilter f => $"overdue<{f.Today:yyyy-MM-dd}",
        StaleFilter f => $"stale<{f.Today:yyyy-MM-dd}",
        ContradictedFilter => "contradicted",
        OwnerFilter f => $"owner:{f.Name ?? "none"}",
        SectionFilter f => $"section:{f.Text}",
        DocFilter f => $"doc:{f.Pattern}",
        DueFilter f => $"due:{f.From:yyyy-MM-dd}..{f.To:yyyy-MM-dd}",
        EffortFilter f => "effort:" + (f.Min is { } min ? (f.MinInclusive ? "[" : "(") + min.ToString(CultureInfo.InvariantCulture) : string.Empty) + ".."
            + (f.Max is { } max ? max.ToString(CultureInfo.InvariantCulture) + (f.MaxInclusive ? "]" : ")") : string.Empty),
        HasFilter f => $"has:{f.What}",
        TechFilter f => $"tech:{f.Technology}",
        _ => node.ToString(),
    };
}
