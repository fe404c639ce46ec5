using Microsoft.Data.Sqlite;
using Punchlist.Storage.Schema;
using Punchlist.Tests.Support;

namespace Punchlist.Storage.Tests;

/// <summary>A broken, foreign or newer index file never stops a scan, and never loses a newer file.</summary>
public sealed class CorruptionTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly List<string> _warnings = [];

    public CorruptionTests()
    {
        _workspace.Write(".git/HEAD", "ref: refs/heads/main\n");
        _workspace.Write("todo.md", "# Todo\n\n- [ ] One\n- [x] Two\n");
    }

    private string Database => _workspace.Path(".punchlist/index.db");

    [Fact]
    public void A_file_that_is_not_a_database_is_moved_aside_and_rebuilt_with_a_warning()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Database)!);
        File.WriteAllBytes(Database, [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 31))]);
        AssertRebuilt();
    }

    [Fact]
    public void A_truncated_database_is_moved_aside_and_rebuilt()
    {
        Scan().Dispose();
        var bytes = File.ReadAllBytes(Database);
        File.WriteAllBytes(Database, bytes[..(bytes.Length / 2)]);
        AssertRebuilt();
    }

    [Fact]
    public void Another_programs_database_is_moved_aside_not_migrated()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Database)!);
        using (var other = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            other.Open();
            other.Execute("CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)");
        }

        AssertRebuilt();
    }

    [Fact]
    public void An_index_from_a_newer_version_is_left_alone_and_the_scan_runs_in_memory()
    {
        Scan().Dispose();
        using (var db = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            db.Open();
            db.Execute("PRAGMA user_version = 99");
        }

        byte[] before = File.ReadAllBytes(Database);
        using var index = Scan();
        Assert.Null(index.IndexPath);
        Assert.Contains("newer version", index.InMemoryBecause, StringComparison.Ordinal);
        Assert.Equal(2, index.Documents.Single().Items.Count);
        Assert.Equal(before, File.ReadAllBytes(Database));
    }

    [Fact]
    public void Migrations_after_the_recorded_version_are_applied_in_order()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Database)!);
        var first = Migrations.All.ToList();
        using (var db = IndexDatabase.OpenFile(Database, _warnings.Add, first, out _)!)
        {
            Assert.Equal(first[^1].Version, db.Connection.Scalar<long>("PRAGMA user_version"));
        }

        var next = new Migration(first[^1].Version + 1, "CREATE TABLE snapshots(id INTEGER PRIMARY KEY)");
        using (var db = IndexDatabase.OpenFile(Database, _warnings.Add, [.. first, next], out _)!)
        {
            Assert.Equal(next.Version, db.Connection.Scalar<long>("PRAGMA user_version"));
            Assert.Equal(1, db.Connection.Scalar<long>("SELECT count(*) FROM sqlite_schema WHERE name = 'snapshots'"));
            Assert.Equal("wal", db.Connection.Scalar<string>("PRAGMA journal_mode"));
        }

        Assert.Empty(_warnings);
    }

    [Fact]
    public void The_per_document_counts_step_counts_the_items_an_older_index_already_holds()
    {
        Scan().Dispose();
        using (var db = IndexDatabase.OpenFile(Database, _warnings.Add, out _)!)
        {
            // As version 4 left it: before the counts (5) and the history (6).
            db.Connection.Execute("DROP TABLE item_counts; DROP TABLE history_commits; DROP TABLE history_blobs; DROP TABLE history_documents; " +
                "DROP TABLE history_versions; DROP TABLE history_items; DROP TABLE history_changes; PRAGMA user_version = 4");
        }

        using var index = Scan();
        var open = index.Search(Punchlist.Search.Query.Parse("is:open", IndexCacheTests.Context));
        var done = index.Search(Punchlist.Search.Query.Parse("is:done priority:none", IndexCacheTests.Context));
        Assert.Equal((1, 1), (open.Total, done.Total));
        Assert.Empty(_warnings);
    }

    public void Dispose() => _workspace.Dispose();

    private void AssertRebuilt()
    {
        using var index = Scan();
        string warning = Assert.Single(_warnings);
        Assert.Contains(".punchlist/index.db could not be used", warning, StringComparison.Ordinal);
        Assert.Contains("rebuilt", warning, StringComparison.Ordinal);
        Assert.Equal(Database, index.IndexPath);
        Assert.Equal(2, index.Documents.Single().Items.Count);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(Database)!, "index.db.broken-*"));
        Assert.Equal("ok", index.Integrity());
    }

    private IndexedWorkspace Scan() => WorkspaceIndex.Scan([_workspace.Root], new IndexOptions { Warn = _warnings.Add });
}
