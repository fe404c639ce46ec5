using Microsoft.Data.Sqlite;
using Punchlist.Cli.Tests.Support;

namespace Punchlist.Cli.Tests.Reliability;

/// <summary>
/// The index is a cache: whatever is wrong with it — a row that does not decode, tables that do not
/// match its version, a link out of the workspace — ends in a run on a rebuilt index, never a crash,
/// and never a database written outside the workspace.
/// </summary>
public sealed class IndexRecoveryTests : IDisposable
{
    private readonly Workdir _w = new();

    public IndexRecoveryTests() => _w.Write("todo.md", "# Todo\n\n- [ ] back up the database\n- [x] restore drill\n");


    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _w.Dispose();
    }

    private void Sql(string sql)
    {
        using var db = new SqliteConnection($"Data Source={_w[".punchlist/index.db"]};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // A workspace whose folder another user owns (0755, root's): the index folder cannot be made by
    // this user even though the owner's write bit is set. It crashed; the run now indexes in memory.
    [Fact]
    public void Another_users_workspace_is_read_with_the_index_in_memory()
    {
        if (!OperatingSystem.IsLinux() || !Workdir.IsRoot || !File.Exists("/usr/bin/setpriv"))
        {
            return; // only root can show a folder owned by someone else
        }

        var (exit, output, error) = _w.PunchAsNobodyOnRootsFiles("list", "--verbose");

        Assert.True(exit == 0, error);
        Assert.Contains("back up the database", output, StringComparison.Ordinal);
        Assert.Contains("the workspace folder is read-only to this user", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_w[".punchlist"]));
    }

    // C10: SQLite has no page checksums; a damaged blob passes its checks and fails only when decoded.
    [Theory]
    [InlineData("UPDATE item_details SET data = x'deadbeef'", "list")]
    [InlineData("UPDATE item_details SET data = x'7b7d'", "search")]
    [InlineData("UPDATE documents SET summary = x'ffffffffffffffff' WHERE summary IS NOT NULL", "status")]
    [InlineData("UPDATE documents SET facts = x'ff' WHERE facts IS NOT NULL", "status")]
    public void A_row_that_does_not_decode_moves_the_index_aside_and_the_command_runs_on_a_rebuilt_one(string damage, string command)
    {
        Assert.Equal(0, _w.PunchIndexed("status").Exit);
        Sql(damage);

        string[] args = command switch
        {
            "search" => ["search", "database"],
            "status" => ["status", "--by", "priority"],
            _ => [command],
        };
        var (exit, output, error) = _w.PunchIndexed(args);

        Assert.True(exit == 0, error);
        Assert.Contains(command == "status" ? "todo.md" : "back up the database", output, StringComparison.Ordinal);
        Assert.Contains("moved it to index.db.broken-", error, StringComparison.Ordinal);
        var again = _w.PunchIndexed(args);
        Assert.Equal((0, string.Empty), (again.Exit, again.Err));
    }

    // W7: tables of a newer schema under an older version number: the migration fails every time.
    [Fact]
    public void An_index_whose_migration_fails_is_moved_aside_and_rebuilt_once()
    {
        Assert.Equal(0, _w.PunchIndexed("status").Exit);
        Sql("PRAGMA user_version = 4");

        var first = _w.PunchIndexed("list", "--verbose");
        Assert.True(first.Exit == 0, first.Err);
        Assert.Contains("moved it to index.db.broken-", first.Err, StringComparison.Ordinal);
        Assert.Contains("index .punchlist/index.db:", first.Err, StringComparison.Ordinal);

        var second = _w.PunchIndexed("list", "--verbose");
        Assert.DoesNotContain("warning", second.Err, StringComparison.Ordinal);
        Assert.Contains("index .punchlist/index.db:", second.Err, StringComparison.Ordinal);
    }

    // S3: a link in place of the index file must not make SQLite create a database where it points.
    [Fact]
    public void A_link_in_place_of_the_index_never_creates_a_database_outside_the_workspace()
    {
        using var outside = new Workdir();
        Directory.CreateDirectory(_w[".punchlist"]);
        File.CreateSymbolicLink(_w[".punchlist/index.db"], outside["missing.db"]);

        var (exit, output, error) = _w.PunchIndexed("list");

        Assert.True(exit == 0, error);
        Assert.Contains("back up the database", output, StringComparison.Ordinal);
        Assert.False(File.Exists(outside["missing.db"]));
        Assert.Null(new FileInfo(_w[".punchlist/index.db"]).LinkTarget);
    }

    [Fact]
    public void A_punchlist_folder_that_is_a_link_keeps_the_index_in_memory()
    {
        using var outside = new Workdir();
        Directory.CreateSymbolicLink(_w[".punchlist"], outside.Root);

        var (exit, _, error) = _w.PunchIndexed("list", "--verbose");

        Assert.True(exit == 0, error);
        Assert.Contains("in memory", error, StringComparison.Ordinal);
        Assert.False(File.Exists(outside["index.db"]));
    }
}
