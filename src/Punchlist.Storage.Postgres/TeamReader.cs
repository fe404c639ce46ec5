using System.Text.Json;
using Npgsql;
using Punchlist.Json;
using Punchlist.Search;

namespace Punchlist.Storage.Postgres;

/// <summary>What the team server reads: repositories and their heads' status, as pushed.</summary>
public sealed class TeamReader(NpgsqlDataSource source)
{
    /// <summary>One repository's head with its whole status, or null when it has none (unknown, or nothing pushed yet).</summary>
    public async Task<RepositoryHead?> HeadAsync(string name, CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        var heads = await PushWriter.RowsAsync(connection,
            "SELECT r.name, c.sha, c.committed_at, c.branch, c.pushed_at, c.status::text FROM repositories r JOIN commits c ON c.id = r.head_commit WHERE r.name = $1",
            r => new RepositoryHead(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetFieldValue<DateTimeOffset>(4), JsonSerializer.Deserialize(r.GetString(5), PunchJson.Context.StatusJson)!), cancel, name).ConfigureAwait(false);
        return heads.SingleOrDefault();
    }

    /// <summary>
    /// Every repository with a pushed head and the head's status totals, without its trackers: what the
    /// overview and /api/v1/repositories show. The totals are a column of their own (migration 004):
    /// reading each head's whole status for them cost the overview most of its time (docs/BENCHMARKS.md).
    /// </summary>
    public async Task<IReadOnlyList<RepositorySummary>> SummariesAsync(CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        return await PushWriter.RowsAsync(connection,
            "SELECT r.name, c.sha, c.committed_at, c.branch, c.pushed_at, c.totals::text FROM repositories r JOIN commits c ON c.id = r.head_commit ORDER BY r.name",
            r => new RepositorySummary(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetFieldValue<DateTimeOffset>(4), JsonSerializer.Deserialize(r.GetString(5), PunchJson.Context.TotalsJson)!), cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// The burn-up by day from <paramref name="since"/>, summed over <paramref name="repositories"/>
    /// (all when null): each repository counts on each day with its latest day at or before it, so a
    /// repository that pushed less recently still counts as it last stood. Days before any repository's
    /// first are left out.
    /// </summary>
    public async Task<IReadOnlyList<BurnUpDay>> BurnUpAsync(DateOnly since, DateOnly until, IReadOnlyCollection<string>? repositories = null, CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        return await PushWriter.RowsAsync(connection, """
            SELECT g.day::date, sum(last.scope)::int, sum(last.done)::int
            FROM generate_series($1::date, $2::date, interval '1 day') AS g (day)
            CROSS JOIN repositories r
            CROSS JOIN LATERAL (SELECT h.scope, h.done FROM history_days h WHERE h.repository_id = r.id AND h.day <= g.day ORDER BY h.day DESC LIMIT 1) AS last
            WHERE $3::text[] IS NULL OR r.name = ANY ($3)
            GROUP BY g.day
            ORDER BY g.day
            """, r => new BurnUpDay(r.GetFieldValue<DateOnly>(0), r.GetInt32(1), r.GetInt32(2)),
            cancel, since, until, (object?)repositories?.ToArray() ?? DBNull.Value).ConfigureAwait(false);
    }

    /// <summary>Every head's items by repository, state and priority (`none` for none): what /metrics reports.</summary>
    public async Task<IReadOnlyList<ItemCount>> ItemCountsAsync(CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        return await PushWriter.RowsAsync(connection, """
            SELECT r.name, i.state, coalesce(i.priority, 'none'), count(*)
            FROM repositories r
            JOIN commit_documents d ON d.commit_id = r.head_commit
            JOIN items i ON i.version_id = d.version_id
            GROUP BY 1, 2, 3
            """, r => new ItemCount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)), cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// The open P0 and P1 items of every head that are overdue on <paramref name="today"/> or past their
    /// SLA as their push's check found (PL004), most urgent first, at most <paramref name="limit"/>;
    /// of <paramref name="repositories"/> only, when given.
    /// </summary>
    public async Task<IReadOnlyList<AttentionJson>> AttentionAsync(DateOnly today, IReadOnlyCollection<string>? repositories = null, int limit = 500, CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        return await PushWriter.RowsAsync(connection, """
            SELECT r.name, d.path, i.key, i.title, i.priority, i.state, i.owner, i.due, coalesce(i.due < $1, false), i.key = ANY (a.sla)
            FROM repositories r
            JOIN commit_documents d ON d.commit_id = r.head_commit
            JOIN items i ON i.version_id = d.version_id
            JOIN analyses a ON a.id = d.analysis_id
            WHERE i.priority IN ('P0', 'P1') AND i.state NOT IN ('done', 'cancelled') AND (i.due < $1 OR i.key = ANY (a.sla))
              AND ($3::text[] IS NULL OR r.name = ANY ($3))
            ORDER BY i.priority, i.due NULLS LAST, r.name, d.path, i.ordinal
            LIMIT $2
            """, r => new AttentionJson(r.GetString(0), $"{r.GetString(1)}#{r.GetString(2)}", r.GetString(3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : JsonMapping.Date(r.GetFieldValue<DateOnly>(7)), r.GetBoolean(8), r.GetBoolean(9)),
            cancel, today, limit, (object?)repositories?.ToArray() ?? DBNull.Value).ConfigureAwait(false);
    }

    /// <summary>
    /// At most this many items are ranked for a query with words; more matches are not counted either
    /// (<see cref="TeamSearch.Exact"/> is then false). Ranking reads every candidate's row: a word in a
    /// third of a million items cost seconds a search (docs/BENCHMARKS.md §7), where ranking this
    /// many costs tens of milliseconds.
    /// </summary>
    public const int RankedAtMost = 2000;

    /// <summary>
    /// The items of every head (or of <paramref name="repositories"/> only) that <paramref name="query"/>
    /// selects, as `punch search` selects them in each repository's checkout, and how many there are;
    /// at most <paramref name="limit"/>, in the query's order (best first by PostgreSQL's ts_rank_cd
    /// over title A, criteria B, headings C, metadata and other text D when it has words). Overdue and
    /// late are judged on <paramref name="today"/>, not on the day of the push. A query with words ranks
    /// the first <see cref="RankedAtMost"/> items found (in the order they are stored) and no more.
    /// </summary>
    public async Task<TeamSearch> SearchAsync(Query query, DateOnly today, IReadOnlyCollection<string>? repositories = null, int limit = 50, CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        var plan = SearchPlan.Of(query);
        var (paths, names) = await GlobTargetsAsync(connection, query.Root, repositories, cancel).ConfigureAwait(false);
        // Only a ranked query is bounded: a filter's order (priority, due date, name) needs no row read to sort.
        (TeamQuery Sql, string Where, string? Rank, IReadOnlyList<(string Key, bool Descending)> Order, string Candidates) Build()
        {
            var built = TeamQuery.Of(plan, f => [.. paths.Where(f.Matches)], f => [.. names.Where(f.Matches)]);
            string where = repositories is null ? built.Where : $"{built.Where} AND r.name = ANY ({built.Sql.Parameter(repositories.ToArray())})";
            return (built.Sql, where, built.Rank, built.Order, built.Rank is null ? string.Empty : $"LIMIT {built.Sql.Parameter(RankedAtMost + 1)}");
        }

        var (sql, where, rank, order, candidates) = Build();
        long? bound = rank is null ? null : RankedAtMost;
        string todayValue = sql.Parameter(today);
        string limitValue = sql.Parameter(Math.Max(0, limit));

        // Two steps in one statement. The candidates: the heads' items the query selects, with what
        // sorts them, at most the bound (no ORDER BY, so the scan stops there), each ranked once. The
        // page: the candidates sorted, counted and cut, and only then each one's JSON (about 600 bytes
        // an item), read for the page's rows alone rather than carried through the sort of every match.
        var keys = order.Select((k, n) => k.Key == TeamQuery.RankKey ? ("rank", k.Descending) : ($"k{n}", k.Descending)).ToList();
        string keyColumns = string.Concat(order.Select((k, n) => k.Key == TeamQuery.RankKey ? string.Empty : $", {k.Key} AS k{n}"));
        string OrderBy(string alias) => string.Join(", ", keys.Select(k => $"{alias}.{k.Item1}{(k.Item2 ? " DESC" : string.Empty)}"));
        var list = new List<TeamHit>();
        long total = 0;
        await using (var select = PushWriter.Command(connection, null, $"""
            SELECT p.name, p.path, p.key, i.item::text, p.rank, p.overdue, p.sla, p.total
            FROM (
                SELECT c.*, count(*) OVER () AS total
                FROM (
                    SELECT r.name, d.path, i.version_id, i.ordinal, i.key, {rank ?? "0::real"} AS rank,
                           coalesce({TeamQuery.Overdue(todayValue)}, false) AS overdue, i.key = ANY (a.sla) AS sla{keyColumns}
                    {HeadItems(sql.VersionJoin, where, candidates)}
                ) c
                ORDER BY {OrderBy("c")}
                LIMIT {limitValue}
            ) p
            JOIN items i ON i.version_id = p.version_id AND i.ordinal = p.ordinal
            ORDER BY {OrderBy("p")}
            """, [.. sql.Values]))
        {
            await using var reader = await select.ExecuteReaderAsync(cancel).ConfigureAwait(false);
            while (await reader.ReadAsync(cancel).ConfigureAwait(false))
            {
                var item = JsonSerializer.Deserialize(reader.GetString(3), PunchJson.Context.ItemJson)!;
                string path = reader.GetString(1);
                bool overdue = reader.GetBoolean(5);
                list.Add(new TeamHit(reader.GetString(0), item with { Document = path, Address = $"{path}#{reader.GetString(2)}", Overdue = overdue }, reader.GetFloat(4),
                    overdue || (reader.GetBoolean(6) && item.State is not ("done" or "cancelled"))));
                total = reader.GetInt64(7);
            }
        }

        // With LIMIT 0 no row carries the total: it is counted alone, as far as the bound (with parameters of its own, each one used).
        if (list.Count == 0 && limit == 0)
        {
            (sql, where, _, _, candidates) = Build();
            await using var count = PushWriter.Command(connection, null, $"""
                SELECT count(*) FROM (
                    SELECT {HeadItems(sql.VersionJoin, where, candidates)}
                ) c
                """, [.. sql.Values]);
            total = (long)(await count.ExecuteScalarAsync(cancel).ConfigureAwait(false))!;
        }

        return total > bound ? new TeamSearch(bound.Value, false, list) : new TeamSearch(total, true, list);
    }

    // The items of every repository's head commit that the query selects, with their document and analysis: the search's FROM and WHERE.
    private static string HeadItems(string versionJoin, string where, string candidates) => $"""
        FROM repositories r
        JOIN commit_documents d ON d.commit_id = r.head_commit
        {versionJoin}
        JOIN items i ON i.version_id = d.version_id
        JOIN analyses a ON a.id = d.analysis_id
        WHERE {where}
        {candidates}
        """;

    // The heads' tracker paths and the repositories' names, read only when a doc: or repo: glob needs them.
    private static async Task<(IReadOnlyList<string> Paths, IReadOnlyList<string> Names)> GlobTargetsAsync(
        NpgsqlConnection connection, QueryNode? root, IReadOnlyCollection<string>? repositories, CancellationToken cancel)
    {
        var filters = Filters(root).ToList();
        IReadOnlyList<string> paths = [], names = [];
        if (filters.OfType<DocFilter>().Any())
        {
            paths = await StringsAsync(connection, "SELECT DISTINCT d.path FROM repositories r JOIN commit_documents d ON d.commit_id = r.head_commit WHERE $1::text[] IS NULL OR r.name = ANY ($1)",
                (object?)repositories?.ToArray() ?? DBNull.Value, cancel).ConfigureAwait(false);
        }

        if (filters.OfType<RepositoryFilter>().Any())
        {
            names = await StringsAsync(connection, "SELECT name FROM repositories WHERE $1::text[] IS NULL OR name = ANY ($1)", (object?)repositories?.ToArray() ?? DBNull.Value, cancel).ConfigureAwait(false);
        }

        return (paths, names);
    }

    private static IEnumerable<QueryNode> Filters(QueryNode? node) => node switch
    {
        null => [],
        AllOf all => all.Parts.SelectMany(Filters),
        AnyOf any => any.Parts.SelectMany(Filters),
        Not not => Filters(not.Part),
        _ => [node],
    };

    private static Task<List<string>> StringsAsync(NpgsqlConnection connection, string sql, object value, CancellationToken cancel) =>
        PushWriter.RowsAsync(connection, sql, r => r.GetString(0), cancel, value);
}

/// <summary>One day of a burn-up: items in scope and done at its end.</summary>
public sealed record BurnUpDay(DateOnly Day, int Scope, int Done);

/// <summary>How many items of a repository's head are in one state with one priority.</summary>
public sealed record ItemCount(string Repository, string State, string Priority, long Count);

/// <summary>
/// A search's results (at most the limit) and how many items matched: all of them when
/// <paramref name="Exact"/>, else at least <paramref name="Total"/> (a ranked query's bound, <see cref="TeamReader.RankedAtMost"/>).
/// </summary>
public sealed record TeamSearch(long Total, bool Exact, IReadOnlyList<TeamHit> Hits);

/// <summary>
/// A search result: the repository, the item as its push listed it (overdue judged on the day of the
/// search), its rank, and whether it is late: overdue, or past its SLA as its push's check found (PL004).
/// </summary>
public sealed record TeamHit(string Repository, ItemJson Item, float Rank, bool Late);

/// <summary>A repository's head without its trackers: the latest commit pushed and its status totals.</summary>
public sealed record RepositorySummary(string Name, string Commit, DateTimeOffset CommittedAt, string? Branch, DateTimeOffset PushedAt, TotalsJson Totals);

/// <summary>A repository's head: the latest commit pushed (by commit time) and its status.</summary>
public sealed record RepositoryHead(string Name, string Commit, DateTimeOffset CommittedAt, string? Branch, DateTimeOffset PushedAt, StatusJson Status);
