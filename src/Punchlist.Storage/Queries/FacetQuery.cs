using Microsoft.Data.Sqlite;
using Punchlist.Model;
using Punchlist.Search;

namespace Punchlist.Storage.Queries;

/// <summary>How many of a query's matches have each value of a field: the counts beside a result list.</summary>
/// <param name="Sampled">Counted over the first matches only (document order), because there were more than the limit.</param>
public sealed record Facets(
    IReadOnlyList<(ItemState State, int Count)> States,
    IReadOnlyList<(int? Priority, int Count)> Priorities,
    IReadOnlyList<(string Owner, int Count)> Owners,
    IReadOnlyList<(string Document, int Count)> Documents,
    IReadOnlyList<(string Tech, int Count)> Technologies,
    int Counted,
    bool Sampled);

/// <summary>
/// Counts a query's matches by state, priority, owner, document and technology, in one pass over at
/// most <c>limit</c> matches: a facet over a million items would cost a request far more than its
/// results do, so a broad query's facets are those of its first matches, and say so.
/// </summary>
internal static class FacetQuery
{
    public static Facets Run(SqliteConnection connection, SearchPlan plan, string? scope, Func<DocFilter, IEnumerable<long>> documentsMatching, int limit, int top)
    {
        var query = QuerySql.Of(plan, scope, documentsMatching);
        connection.Execute("CREATE TEMP TABLE IF NOT EXISTS facet_ids(id INTEGER PRIMARY KEY); DELETE FROM temp.facet_ids");
        int counted;
        using (var select = connection.Command($"INSERT INTO temp.facet_ids(id) SELECT i.id FROM {query.From} {query.Condition} LIMIT {limit + 1}", [.. query.Sql.Parameters]))
        {
            counted = select.ExecuteNonQuery();
        }

        bool sampled = counted > limit;
        if (sampled)
        {
            connection.Execute($"DELETE FROM temp.facet_ids WHERE id = (SELECT max(id) FROM temp.facet_ids)");
            counted = limit;
        }

        var states = Pairs(connection, "SELECT i.state, count(*) FROM temp.facet_ids f JOIN items i ON i.id = f.id GROUP BY i.state ORDER BY i.state",
            r => ((ItemState)r.GetInt32(0), r.GetInt32(1)));
        var priorities = Pairs(connection, "SELECT i.priority, count(*) FROM temp.facet_ids f JOIN items i ON i.id = f.id GROUP BY i.priority ORDER BY i.priority IS NULL, i.priority",
            r => (r.IsDBNull(0) ? (int?)null : r.GetInt32(0), r.GetInt32(1)));
        var owners = Pairs(connection, $"SELECT i.owner, count(*) AS n FROM temp.facet_ids f JOIN items i ON i.id = f.id WHERE i.owner IS NOT NULL GROUP BY i.owner ORDER BY n DESC, i.owner LIMIT {top}",
            r => (r.GetString(0), r.GetInt32(1)));
        var documents = Pairs(connection, $"SELECT d.path, count(*) AS n FROM temp.facet_ids f JOIN items i ON i.id = f.id JOIN documents d ON d.id = i.doc_id GROUP BY d.path ORDER BY n DESC, d.path LIMIT {top}",
            r => (r.GetString(0), r.GetInt32(1)));
        var tech = Pairs(connection, $"SELECT t.tech, count(*) AS n FROM temp.facet_ids f JOIN item_tech t ON t.item_id = f.id GROUP BY t.tech ORDER BY n DESC, t.tech LIMIT {top}",
            r => (r.GetString(0), r.GetInt32(1)));
        return new Facets(states, priorities, owners, documents, tech, counted, sampled);
    }

    private static List<T> Pairs<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        var rows = new List<T>();
        using var command = connection.Command(sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
