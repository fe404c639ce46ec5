using System.Reflection;
using Npgsql;

namespace Punchlist.Storage.Postgres;

/// <summary>
/// Brings the schema up to date at start: the numbered SQL files under Migrations/ (embedded), each
/// applied once in its own transaction and recorded in `schema_version`. Servers starting at once
/// take turns on a session advisory lock, so each step runs exactly once; the second finds it done.
/// </summary>
public static class Migrator
{
    // pg_advisory_lock's key: "punchlis" in ASCII, so that it names this program in pg_locks.
    private const long LockKey = 0x70756e63686c6973;

    public static IReadOnlyList<Migration> All { get; } = Load();

    public static int Latest => All[^1].Version;

    /// <summary>Applies the migrations after the database's version, up to <paramref name="upTo"/> (all by default); returns the version reached.</summary>
    /// <exception cref="PunchlistException">The database's schema is newer than this program knows.</exception>
    public static async Task<int> MigrateAsync(NpgsqlDataSource source, int? upTo = null, CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        await Execute(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancel).ConfigureAwait(false);
        try
        {
            await Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", cancel).ConfigureAwait(false);
            int current = await CurrentAsync(connection, cancel).ConfigureAwait(false);
            if (current > Latest)
            {
                throw new PunchlistException($"the database's schema is at version {current}, newer than this punch knows ({Latest}): upgrade punch");
            }

            foreach (var migration in All.Where(m => m.Version > current && m.Version <= (upTo ?? Latest)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);
                await Execute(connection, transaction, migration.Sql, cancel).ConfigureAwait(false);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_version (version, name) VALUES ($1, $2)", connection, transaction))
                {
                    record.Parameters.Add(new() { Value = migration.Version });
                    record.Parameters.Add(new() { Value = migration.Name });
                    await record.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancel).ConfigureAwait(false);
                current = migration.Version;
            }

            return current;
        }
        finally
        {
            await Execute(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The version the database's schema is at: 0 when it has none.</summary>
    public static async Task<int> VersionAsync(NpgsqlDataSource source, CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection);
        return (bool)(await exists.ExecuteScalarAsync(cancel).ConfigureAwait(false))! ? await CurrentAsync(connection, cancel).ConfigureAwait(false) : 0;
    }

    private static async Task<int> CurrentAsync(NpgsqlConnection connection, CancellationToken cancel)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection);
        return (int)(await command.ExecuteScalarAsync(cancel).ConfigureAwait(false))!;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancel)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
    }

    // Resources are named Migrations.NNN_name.sql; the number orders them and must not repeat.
    private static List<Migration> Load()
    {
        var assembly = typeof(Migrator).Assembly;
        var list = new List<Migration>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal)))
        {
            string file = resource["Migrations.".Length..^".sql".Length];
            int version = int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(version, file, reader.ReadToEnd()));
        }

        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        return list.Count > 0 && list.Select(m => m.Version).Distinct().Count() == list.Count
            ? list
            : throw new InvalidOperationException("the embedded migrations are missing or repeat a number");
    }
}

public sealed record Migration(int Version, string Name, string Sql);
