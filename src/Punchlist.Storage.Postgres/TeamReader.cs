using System.Text.Json;
using Npgsql;
using Punchlist.Json;

namespace Punchlist.Storage.Postgres;

/// <summary>What the team server reads: repositories and their heads' status, as pushed.</summary>
public sealed class TeamReader(NpgsqlDataSource source)
{
    /// <summary>Every repository with a pushed head: its name, head commit and the head's `punchlist.status/1`.</summary>
    public async Task<IReadOnlyList<RepositoryHead>> HeadsAsync(CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        await using var select = PushWriter.Command(connection, null,
            "SELECT r.name, c.sha, c.committed_at, c.branch, c.pushed_at, c.status::text FROM repositories r JOIN commits c ON c.id = r.head_commit ORDER BY r.name");
        await using var reader = await select.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        var list = new List<RepositoryHead>();
        while (await reader.ReadAsync(cancel).ConfigureAwait(false))
        {
            list.Add(new RepositoryHead(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), JsonSerializer.Deserialize(reader.GetString(5), PunchJson.Context.StatusJson)!));
        }

        return list;
    }
}

/// <summary>A repository's head: the latest commit pushed (by commit time) and its status.</summary>
public sealed record RepositoryHead(string Name, string Commit, DateTimeOffset CommittedAt, string? Branch, DateTimeOffset PushedAt, StatusJson Status);
