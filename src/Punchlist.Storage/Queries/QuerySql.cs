using Punchlist.Search;

namespace Punchlist.Storage.Queries;

/// <summary>
/// A query's SQL pieces: its parameters, the full-text expression's parameter (ranked queries), the
/// rows it reads, its condition and how its matches are counted.
/// </summary>
internal sealed record QuerySql(FilterSql Sql, string? Match, string From, string Condition, string Counting)
{
    /// <summary>True when the count is of the full-text expression's matches alone, no filter or scope.</summary>
    public bool CountsMatchOnly { get; private init; }

    public static QuerySql Of(SearchPlan plan, string? scope, Func<DocFilter, IEnumerable<long>> documentsMatching)
    {
        var sql = new FilterSql(documentsMatching);
        string? match = plan.Ranked is null ? null : sql.Parameter(FtsExpression.Of(plan.Ranked));
        var where = new List<string>();
        if (match is not null)
        {
            where.Add($"items_fts MATCH {match}");
        }

        if (plan.Filter is not null)
        {
            where.Add(sql.Of(plan.Filter));
        }

        if (scope is not null)
        {
            where.Add($"i.doc_id IN (SELECT id FROM {scope})");
        }

        string from = match is null ? "items i" : "items_fts JOIN items i ON i.id = items_fts.rowid";
        string condition = where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where);
        // One facet alone counts from its own index: every item_tech row has its item, so the items
        // need not be visited (ten thousand random reads for a common technology in a million items).
        bool matchOnly = (match, plan.Filter, scope) is (not null, null, null);
        string counting = (match, plan.Filter, scope) switch
        {
            _ when matchOnly => $"SELECT count(*) FROM items_fts WHERE items_fts MATCH {match}",
            (null, TechFilter tech, null) => $"SELECT count(*) FROM item_tech WHERE tech = {sql.Parameter(tech.Technology)}",
            // Priorities, states and documents alone count from a row per document and kind of item.
            (null, { } filter, _) when CountedByDocument(filter) => $"SELECT coalesce(sum(i.n), 0) FROM item_counts i {condition}",
            _ => $"SELECT count(*) FROM {from} {condition}",
        };
        return new QuerySql(sql, match, from, condition, counting) { CountsMatchOnly = matchOnly };
    }

    // Whether a filter reads only the columns item_counts keeps (priority, state, doc_id), so that its
    // SQL over `items i` means the same over `item_counts i`.
    private static bool CountedByDocument(QueryNode filter) => filter switch
    {
        AllOf all => all.Parts.All(CountedByDocument),
        AnyOf any => any.Parts.All(CountedByDocument),
        Not not => CountedByDocument(not.Part),
        PriorityFilter or StateFilter or DocFilter or StaleFilter => true,
        _ => false,
    };
}
