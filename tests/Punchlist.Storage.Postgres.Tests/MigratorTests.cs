using Npgsql;
using Punchlist.Tests.Support;

namespace Punchlist.Storage.Postgres.Tests;

public sealed class MigratorTests
{
    [Fact]
    public async Task An_empty_database_is_brought_to_the_latest_version_and_a_second_run_changes_nothing()
    {
        await using var source = NpgsqlDataSource.Create(PostgresUrl.Parse(PostgresCluster.Instance.CreateDatabase("migrate")).ConnectionString);
        Assert.Equal(0, await Migrator.VersionAsync(source));

        Assert.Equal(Migrator.Latest, await Migrator.MigrateAsync(source));
        Assert.Equal(Migrator.Latest, await Migrator.MigrateAsync(source));
        Assert.Equal(Migrator.All.Count, await Count(source, "SELECT count(*) FROM schema_version"));
        Assert.Equal(1, await Count(source, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'commit_documents'"));
    }

    [Fact]
    public async Task A_database_at_the_previous_step_is_brought_to_the_latest()
    {
        await using var source = NpgsqlDataSource.Create(PostgresUrl.Parse(PostgresCluster.Instance.CreateDatabase("migrate")).ConnectionString);
        Assert.Equal(Migrator.Latest - 1, await Migrator.MigrateAsync(source, upTo: Migrator.Latest - 1));

        Assert.Equal(Migrator.Latest, await Migrator.MigrateAsync(source));
        Assert.Equal(Enumerable.Range(1, Migrator.Latest).Select(v => (long)v), await Versions(source));
    }

    [Fact]
    public async Task Servers_starting_at_once_apply_each_step_once()
    {
        string url = PostgresCluster.Instance.CreateDatabase("migrate");
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(PostgresUrl.Parse(url).ConnectionString)).ToList();
        try
        {
            var reached = await Task.WhenAll(sources.Select(s => Task.Run(() => Migrator.MigrateAsync(s))));

            Assert.All(reached, v => Assert.Equal(Migrator.Latest, v));
            Assert.Equal(Enumerable.Range(1, Migrator.Latest).Select(v => (long)v), await Versions(sources[0]));
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_database_newer_than_this_program_is_refused_and_left_alone()
    {
        await using var source = NpgsqlDataSource.Create(PostgresUrl.Parse(PostgresCluster.Instance.CreateDatabase("migrate")).ConnectionString);
        await Migrator.MigrateAsync(source);
        await using (var command = source.CreateCommand($"INSERT INTO schema_version (version, name) VALUES ({Migrator.Latest + 1}, 'future')"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<PunchlistException>(() => Migrator.MigrateAsync(source));
        Assert.Contains("newer than this punch knows", error.Message);
    }

    [Fact]
    public void Migrations_are_numbered_from_one_without_a_gap() =>
        Assert.Equal(Enumerable.Range(1, Migrator.All.Count), Migrator.All.Select(m => m.Version));

    private static async Task<long> Count(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<long>> Versions(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand("SELECT version::bigint FROM schema_version ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<long>();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetInt64(0));
        }

        return list;
    }
}
