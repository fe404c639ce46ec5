using Npgsql;
using Punchlist.Tests.Support;

namespace Punchlist.Storage.Postgres.Tests;

/// <summary>A database of its own for one test class, on the shared throwaway cluster, migrated and opened.</summary>
public sealed class TeamDatabase : IAsyncLifetime
{
    public string Url { get; } = PostgresCluster.Instance.CreateDatabase("store");

    public TeamStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await TeamStore.OpenAsync(Url);

    public async Task DisposeAsync() => await Store.DisposeAsync();

    public async Task<long> CountAsync(string table)
    {
        await using var command = Store.Source.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var connection = await Store.Source.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? default : (T)result;
    }
}
