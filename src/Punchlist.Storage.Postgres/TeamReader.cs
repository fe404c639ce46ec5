using System.Text.Json;
using Npgsql;
using Punchlist.Json;

namespace Punchlist.Storage.Postgres;

/// <summary>What the team server reads: repositories and their heads' status, as pushed.</summary>
public sealed class TeamReader(NpgsqlDataSource source)
{
    /// <summary>Every repository with a pushed head: its name, head commit and the head's `punchlist.status/1`.</summary>
    public Task<IReadOnlyList<RepositoryHead>> HeadsAsync(CancellationToken cancel = default) => HeadsWhereAsync("true", null, cancel);

    /// <summary>One repository's head, or null when it has none (unknown, or nothing pushed yet).</summary>
    public async Task<RepositoryHead?> HeadAsync(string name, CancellationToken cancel = default) =>
        (await HeadsWhereAsync("r.name = $1", name, cancel).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>
    /// Every repository with a pushed head and the head's status totals, without its trackers: what the
    /// overview and /api/v1/repositories show. The totals are a column of their own (migration 2):
    /// reading each head's whole status for them cost the overview most of its time (docs/BENCHMARKS.md).
    /// </summary>
    public async Task<IReadOnlyList<RepositorySummary>> SummariesAsync(CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        await using var select = PushWriter.Command(connection, null,
            "SELECT r.name, c.sha, c.committed_at, c.branch, c.pushed_at, c.totals::text FROM repositories r JOIN commits c ON c.id = r.head_commit ORDER BY r.name");
        await using var reader = await select.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        var list = new List<RepositorySummary>();
        while (await reader.ReadAsync(cancel).ConfigureAwait(false))
        {
            list.Add(new RepositorySummary(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), JsonSerializer.Deserialize(reader.GetString(5), PunchJson.Context.TotalsJson)!));
        }

        return list;
    }

    private async Task<IReadOnlyList<RepositoryHead>> HeadsWhereAsync(string where, string? name, CancellationToken cancel)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        await using var select = PushWriter.Command(connection, null,
            $"SELECT r.name, c.sha, c.committed_at, c.branch, c.pushed_at, c.status::text FROM repositories r JOIN commits c ON c.id = r.head_commit WHERE {where} ORDER BY r.name",
            name is null ? [] : [name]);
        await using var reader = await select.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        var list = new List<RepositoryHead>();
        while (await reader.ReadAsync(cancel).ConfigureAwait(false))
        {
            list.Add(new RepositoryHead(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), JsonSerializer.Deserialize(reader.GetString(5), PunchJson.Context.StatusJson)!));
        }

        return list;
    }

    /// <summary>
    /// The open P0 and P1 items of every head that are overdue on <paramref name="today"/> or past their
    /// SLA as their push's check found (PL004), most urgent first, at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<AttentionJson>> AttentionAsync(DateOnly today, int limit = 500, CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        await using var select = PushWriter.Command(connection, null, """
            SELECT r.name, d.path, i.key, i.title, i.priority, i.state, i.owner, i.due, coalesce(i.due < $1, false), i.key = ANY (a.sla)
            FROM repositories r
            JOIN commit_documents d ON d.commit_id = r.head_commit
            JOIN items i ON i.version_id = d.version_id
            JOIN analyses a ON a.id = d.analysis_id
            WHERE i.priority IN ('P0', 'P1') AND i.state NOT IN ('done', 'cancelled') AND (i.due < $1 OR i.key = ANY (a.sla))
            ORDER BY i.priority, i.due NULLS LAST, r.name, d.path, i.ordinal
            LIMIT $2
            """, today, limit);
        await using var reader = await select.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        var list = new List<AttentionJson>();
        while (await reader.ReadAsync(cancel).ConfigureAwait(false))
        {
            list.Add(new AttentionJson(reader.GetString(0), $"{reader.GetString(1)}#{reader.GetString(2)}", reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : JsonMapping.Date(reader.GetFieldValue<DateOnly>(7)), reader.GetBoolean(8), reader.GetBoolean(9)));
        }

        return list;
    }

    /// <summary>
    /// Items of every head matching <paramref name="words"/> (all of them, stemmed as English), best
    /// first by PostgreSQL's ts_rank_cd over title (weight A), criteria (B), section and owner (C).
    /// </summary>
    public async Task<IReadOnlyList<TeamHit>> SearchAsync(IReadOnlyList<string> words, int limit = 50, CancellationToken cancel = default)
    {
        if (words.Count == 0)
        {
            return [];
        }

        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        // plainto_tsquery per word: the words are text, never tsquery syntax.
        await using var select = PushWriter.Command(connection, null, """
            WITH q AS (SELECT (SELECT string_agg(plainto_tsquery('english', w)::text, ' & ') FROM unnest($1::text[]) w WHERE plainto_tsquery('english', w)::text <> '')::tsquery AS query)
            SELECT r.name, d.path, i.key, i.item::text, ts_rank_cd(i.search, q.query) AS rank
            FROM q, repositories r
            JOIN commit_documents d ON d.commit_id = r.head_commit
            JOIN items i ON i.version_id = d.version_id
            WHERE q.query IS NOT NULL AND i.search @@ q.query
            ORDER BY rank DESC, r.name, d.path, i.ordinal
            LIMIT $2
            """, words.ToArray(), limit);
        await using var reader = await select.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        var list = new List<TeamHit>();
        while (await reader.ReadAsync(cancel).ConfigureAwait(false))
        {
            var item = JsonSerializer.Deserialize(reader.GetString(3), PunchJson.Context.ItemJson)!;
            string path = reader.GetString(1);
            list.Add(new TeamHit(reader.GetString(0), item with { Document = path, Address = $"{path}#{reader.GetString(2)}" }, reader.GetFloat(4)));
        }

        return list;
    }
}

/// <summary>A search result: the repository, the item as its push listed it, and its rank.</summary>
public sealed record TeamHit(string Repository, ItemJson Item, float Rank);

/// <summary>A repository's head without its trackers: the latest commit pushed and its status totals.</summary>
public sealed record RepositorySummary(string Name, string Commit, DateTimeOffset CommittedAt, string? Branch, DateTimeOffset PushedAt, TotalsJson Totals);

/// <summary>A repository's head: the latest commit pushed (by commit time) and its status.</summary>
public sealed record RepositoryHead(string Name, string Commit, DateTimeOffset CommittedAt, string? Branch, DateTimeOffset PushedAt, StatusJson Status);
