using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Punchlist.Model;
using Punchlist.Search;
using Punchlist.Storage.Codecs;

namespace Punchlist.Storage.Queries;

/// <summary>
/// Runs a query in two steps: the ids of the matches, ordered and limited (only sort keys are
/// computed for every match), then the rows and snippets of those ids alone. Ranked queries are
/// driven by the full-text index and ordered by where the words matched (title, criteria, elsewhere),
/// then by how many of those matched, then BM25 (title weighs most, then criteria, then the rest); ties,
/// and unranked queries, keep document order. <paramref name="sibling"/> gives a second connection to
/// the same database, when there is one, for ranking many matches on two cores.
/// </summary>
internal sealed class SearchRunner(SqliteConnection connection, Func<SqliteConnection?> sibling, string? scope, Func<DocFilter, IEnumerable<long>> documentsMatching, Narrowing narrowing = Narrowing.ByCost)
{
    // A walk in document order pays off when at least one item in this many matches.
    private const int WalkAbove = 100;

    // Column numbers of items_fts: criteria, body, fields, title, section.
    private static readonly int[] SnippetColumns = [1, 4, 3, 0, 2];

    /// <param name="offset">Matches to pass over before the first one returned (a page further on): they are ordered, never fetched.</param>
    public SearchResults Run(SearchPlan plan, int? limit, int offset = 0)
    {
        // The first offset + limit matches are ordered as for a first page; only the last limit are fetched.
        limit = limit is { } wanted && offset > 0 ? wanted + offset : limit;
        var query = QuerySql.Of(plan, scope, documentsMatching);
        var (sql, match, from, condition, counting) = query;
        // Ranked, few results wanted: with an index file, such a query reads on two connections at once
        // (RankingInHalves) where its words have many matches. Counting words alone is a walk of their
        // doclists too (for a common word, a quarter of what narrowing walks), so it is split the same way.
        bool rankedFew = match is not null && plan.Sort.Key == SortKey.Relevance && limit > 0;
        var halves = rankedFew && scope is null && sibling() is { } second ? new RankingInHalves(connection, second) : null;
        bool split = halves is not null && query.CountsMatchOnly;
        long started = Stopwatch.GetTimestamp();
        int total = split
            ? halves!.Count(counting, [.. sql.Parameters])
            : Count(counting, sql.Parameters);
        double walkMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds * (split ? 2 : 1);

        // Where the words matched (title, criteria, the item's prose) orders the ranked results before
        // BM25, whose length normalisation alone would put a two-word task that mentions a word in its
        // heading above the card whose title, criteria and text are about it. RankFunction computes both
        // from the query's own phrases only, so the narrowing below can add phrases to the expression.
        string ranks = "NULL AS place, NULL AS score";
        if (match is not null)
        {
            int phrases = FtsExpression.PhraseCount(plan.Ranked!);
            // One phrase counted alone: the total is how many rows hold it, which BM25's IDF needs (FTS5
            // would walk the phrase's whole doclist again to count them).
            string hits = phrases == 1 && query.CountsMatchOnly ? $", {total}" : string.Empty;
            ranks = $"{RankFunction.Name}(items_fts, 0, {phrases}) AS place, {RankFunction.Name}(items_fts, 1, {phrases}{hits}) AS score";
        }

        var order = new List<string>(Sort(plan.Sort));
        if (match is not null)
        {
            order.AddRange(["place", "score"]);
        }

        order.AddRange(["path", "ordinal"]);
        connection.Execute("CREATE TEMP TABLE IF NOT EXISTS hits(rank INTEGER PRIMARY KEY, id INTEGER NOT NULL, tier INTEGER, score REAL); DELETE FROM temp.hits");
        // Document order, many matches, few wanted: walk documents by path and each one's items by
        // position (both indexed) so no sort is needed and the limit stops the walk early. With few
        // matches the walk would cross most of the index for them; then find them first and sort.
        bool walk = match is null && plan.Sort.Key == SortKey.Relevance && limit is { } most && total > WalkAbove * Math.Max(1, most);
        string limited = limit is { } n ? $" LIMIT {Math.Max(0, n)}" : string.Empty;
        string Rows(string bounds) =>
            $"SELECT i.id AS id, d.path AS path, i.ordinal AS ordinal, i.priority AS priority, i.due AS due, {Progress} AS progress, {Urgency} AS urgency, {ranks} FROM {from} JOIN documents d ON d.id = i.doc_id {condition}{bounds}";
        string select = walk
            ? $"INSERT INTO temp.hits(id) SELECT i.id FROM documents d CROSS JOIN items i INDEXED BY items_by_doc ON i.doc_id = d.id {condition} ORDER BY d.path, i.ordinal{limited}"
            : $"INSERT INTO temp.hits(id, tier, score) SELECT id, place / 4, score FROM ({Rows(string.Empty)}) ORDER BY {string.Join(", ", order)}{limited}";

        if (rankedFew && NarrowingCost.Narrow(narrowing, total, walkMs))
        {
            // Many matches ranked, few wanted: the order's first key (where the words matched) splits the
            // matches into groups that follow each other, so the top results lie in the first groups that
            // hold enough of them. Rank only those, by asking the full-text index for the query's matches
            // that are also in these groups: one walk of its doclists, ranking the group's rows alone.
            string expression = FtsExpression.Of(plan.Ranked!);
            string positive = FtsExpression.AnyOf(plan.Terms);
            string t = $"({{title}} : {positive})", c = $"({{criteria}} : {positive})", b = $"({{body}} : {positive})";
            foreach (string groups in new[] { $"{t} AND {c} AND {b}", $"{t} AND ({c} OR {b})", t, $"{t} OR ({c} AND {b})", $"{t} OR {c}", $"{t} OR {c} OR {b}" })
            {
                var parameters = sql.Parameters.Select(p => p.Name == match ? (p.Name, (object?)$"({expression}) AND ({groups})") : p).ToArray();
                if (Select(parameters, halves) >= limit)
                {
                    return new SearchResults(total, Fetch(expression, offset));
                }

                connection.Execute("DELETE FROM temp.hits");
            }
        }

        // Every match ranked: on two connections only when there are many (otherwise the hand-off costs more).
        Select([.. sql.Parameters], total > NarrowingCost.Floor ? halves : null);
        return new SearchResults(total, Fetch(match is null ? null : FtsExpression.Of(plan.Ranked!), offset));

        // Ranked by relevance, few wanted, and a second connection: each half of the items on its own.
        int Select((string Name, object? Value)[] parameters, RankingInHalves? inHalves)
        {
            if (inHalves is not null)
            {
                return inHalves.Rank(bounds => $"SELECT id, place, score FROM ({Rows(bounds)}) ORDER BY {string.Join(", ", order)}{limited}", parameters, limited);
            }

            using var command = connection.Command(select, parameters);
            return command.ExecuteNonQuery();
        }
    }

    private static IEnumerable<string> Sort(SortOrder sort)
    {
        string direction = sort.Descending ? " DESC" : string.Empty;
        return sort.Key switch
        {
            SortKey.Priority => ["priority IS NULL", "priority" + direction],
            SortKey.Due => ["due IS NULL", "due" + direction],
            SortKey.Progress => ["progress" + direction],
            SortKey.State => ["urgency" + direction],
            _ => [],
        };
    }

    // An item's own progress: checked criteria of criteria; without criteria, done or not.
    private static readonly string Progress =
        $"(CASE WHEN i.criteria_total > 0 THEN CAST(i.criteria_checked AS REAL) / i.criteria_total WHEN i.state = {(int)ItemState.Done} THEN 1.0 ELSE 0.0 END)";

    // An item's state in `sort:state`: blocked first, cancelled last (ItemStates.Urgency).
    private static readonly string Urgency =
        $"(CASE i.state {string.Concat(ItemStates.All.Select(state => $"WHEN {(int)state} THEN {state.Urgency()} "))}END)";

    private int Count(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        using var command = connection.Command(sql, [.. parameters]);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private List<SearchHit> Fetch(string? match, int offset)
    {
        var hits = new List<(long Id, SearchHit Hit)>();
        using (var command = connection.Command("""
            SELECT h.id, h.tier, h.score, d.path, i.ordinal, i.key, i.item_id, i.line, i.state, i.due, i.criteria_total, i.criteria_checked, det.data, f.title
            FROM temp.hits h
            JOIN items i ON i.id = h.id
            JOIN documents d ON d.id = i.doc_id
            JOIN item_details det ON det.id = i.id
            JOIN items_fts f ON f.rowid = i.id
            WHERE h.rank > $offset
            ORDER BY h.rank
            """, ("$offset", (long)offset)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var item = ItemRows.Read(reader, 4);
                var tier = reader.Int64OrNull(1);
                var hit = new SearchHit(reader.GetString(3), item, tier is null ? null : (MatchField)tier.Value, reader.DoubleOrNull(2) is { } s ? -s : null, null);
                hits.Add((reader.GetInt64(0), hit));
            }
        }

        if (match is null)
        {
            return hits.Select(h => h.Hit).ToList();
        }

        // The snippet comes from the first column with a match in this order: context the title line
        // does not already show (criteria, prose, fields), then the title, then the headings above.
        using var snippet = connection.Command(
            "SELECT " + string.Join(", ", SnippetColumns.Select(c => $"snippet(items_fts, {c}, char(2), char(3), '…', 12)")) + " FROM items_fts WHERE items_fts MATCH $q AND rowid = $id",
            ("$q", match), ("$id", 0L));
        return hits.Select(h =>
        {
            snippet.Parameters["$id"].Value = h.Id;
            using var reader = snippet.ExecuteReader();
            if (!reader.Read())
            {
                return h.Hit;
            }

            for (int c = 0; c < SnippetColumns.Length; c++)
            {
                if (reader.StringOrNull(c) is { } text && text.Contains(Folding.MatchStart, StringComparison.Ordinal))
                {
                    return h.Hit with { Snippet = Snippet.Parse(text) };
                }
            }

            return h.Hit;
        }).ToList();
    }
}

/// <summary>Reads an <see cref="ItemRecord"/> from `ordinal, key, item_id, line, state, due, criteria_total, criteria_checked, details, title`.</summary>
internal static class ItemRows
{
    public static ItemRecord Read(SqliteDataReader reader, int at)
    {
        var details = ItemDetails.Decode((byte[])reader.GetValue(at + 8));
        return new ItemRecord
        {
            Ordinal = reader.GetInt32(at),
            Key = reader.GetString(at + 1),
            Id = reader.StringOrNull(at + 2),
            Line = reader.GetInt32(at + 3),
            State = (ItemState)reader.GetInt32(at + 4),
            Due = reader.Int64OrNull(at + 5) is { } day ? DateOnly.FromDayNumber((int)day) : null,
            CriteriaTotal = reader.GetInt32(at + 6),
            CriteriaChecked = reader.GetInt32(at + 7),
            Title = reader.GetString(at + 9),
            Kind = details.Kind,
            Column = details.Column,
            SectionPath = details.SectionPath,
            Priority = details.Priority,
            Status = details.Status,
            Owner = details.Owner,
            Effort = details.Effort,
            Category = details.Category,
            DependsOn = details.DependsOn,
            References = details.References,
            Contradicted = details.Contradicted,
            Criteria = [],
            Fields = string.Empty,
            Body = string.Empty,
            Tech = [],
        };
    }
}
