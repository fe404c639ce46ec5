using Punchlist.Search;
using Punchlist.Tests.Support;

namespace Punchlist.Storage.Tests;

/// <summary>The parse cache: what a rescan reads and parses after each kind of change.</summary>
public sealed class IndexCacheTests : IDisposable
{
    private const string Tracker = "# Plan\n\n- [ ] Write the backup script\n- [x] Buy disks\n";
    private readonly TempWorkspace _workspace = new();

    public IndexCacheTests()
    {
        _workspace.Write(".git/HEAD", "ref: refs/heads/main\n");
        _workspace.Write("a.md", Tracker);
        _workspace.Write("docs/b.md", "# B\n\n- [ ] Restore drill\n");
        _workspace.Write("docs/readme.md", "# Just prose\n\nNothing to do here.\n");
    }

    [Fact]
    public void A_second_scan_of_an_unchanged_workspace_reads_no_file()
    {
        Assert.Equal(new ScanCounts(3, 0, 3, 2, 0), Scan().Counts);
        Assert.Equal(new ScanCounts(3, 3, 0, 0, 0), Scan().Counts);
    }

    [Fact]
    public void The_index_folder_carries_its_own_gitignore()
    {
        Scan();
        Assert.Equal("*", File.ReadAllLines(_workspace.Path(".punchlist/.gitignore")).Last());
        Assert.True(File.Exists(_workspace.Path(".punchlist/index.db")));
    }

    [Fact]
    public void Touching_a_file_reads_and_hashes_it_but_does_not_parse_it()
    {
        Scan();
        File.SetLastWriteTimeUtc(_workspace.Path("a.md"), DateTime.UtcNow.AddMinutes(-5));
        var counts = Scan().Counts;
        Assert.Equal((2, 1, 0), (counts.FromIndex, counts.Read, counts.Parsed));
    }

    [Fact]
    public void Editing_a_file_parses_only_that_file()
    {
        Scan();
        _workspace.Write("a.md", Tracker + "- [ ] Test the restore\n");
        using var index = Scan();
        Assert.Equal((2, 1, 1), (index.Counts.FromIndex, index.Counts.Read, index.Counts.Parsed));
        Assert.Equal(3, index.Documents.Single(d => d.Path == "a.md").Items.Count);
        Assert.Equal(["Test the restore"], Titles(index, "restore doc:a.md"));
        Assert.Equal((3, 1, 2), (Total(index, "is:open"), Total(index, "is:done"), Total(index, "priority:none is:open doc:a.md")));
    }

    [Fact]
    public void Deleting_a_file_drops_it_and_its_items()
    {
        Scan();
        File.Delete(_workspace.Path("docs/b.md"));
        using var index = Scan();
        Assert.Equal(1, index.Counts.Removed);
        Assert.Equal(["a.md"], index.Documents.Select(d => d.Path));
        Assert.Empty(Titles(index, "drill"));
        Assert.Equal((1, 1), (Total(index, "is:open"), Total(index, "-is:open")));
    }

    [Fact]
    public void Renaming_a_file_drops_the_old_path_and_indexes_the_new_one()
    {
        Scan();
        File.Move(_workspace.Path("docs/b.md"), _workspace.Path("docs/c.md"));
        using var index = Scan();
        Assert.Equal((1, 1), (index.Counts.Parsed, index.Counts.Removed));
        Assert.Equal(["a.md", "docs/c.md"], index.Documents.Select(d => d.Path));
        Assert.Equal(["docs/c.md"], index.Search(Query.Parse("drill", Context)).Hits.Select(h => h.Document));
    }

    [Fact]
    public void A_file_changed_within_the_same_second_with_the_same_size_is_read_again()
    {
        // Written just now: its time stamp is too close to the scan to be trusted.
        string path = _workspace.Write("a.md", Tracker, now: true).Path("a.md");
        var stamp = File.GetLastWriteTimeUtc(path);
        Scan();
        File.WriteAllText(path, Tracker.Replace("backup", "BACKUP", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, stamp);
        using var index = Scan();
        Assert.Equal(1, index.Counts.Parsed);
        Assert.Equal(["Write the BACKUP script"], Titles(index, "backup"));
    }

    [Fact]
    public void A_file_that_stays_unchanged_stops_being_read_once_its_stamp_is_old_enough()
    {
        string path = _workspace.Write("a.md", Tracker, now: true).Path("a.md");
        Scan();
        Assert.Equal(1, Scan().Counts.Read);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
        Assert.Equal(1, Scan().Counts.Read);
        Assert.Equal(0, Scan().Counts.Read);
    }

    [Fact]
    public void Scanning_a_folder_keeps_the_documents_outside_it_for_later()
    {
        Scan();
        using (var docs = Scan(_workspace.Path("docs")))
        {
            Assert.Equal(["docs/b.md"], docs.Documents.Select(d => d.Path));
            Assert.Empty(Titles(docs, "backup"));
        }

        Assert.Equal(3, Scan().Counts.FromIndex);
    }

    [Fact]
    public void A_file_named_explicitly_is_parsed_even_when_the_prefilter_skipped_it()
    {
        Scan();
        using var index = Scan(_workspace.Path("docs/readme.md"));
        Assert.Equal(1, index.Counts.Parsed);
        Assert.Equal("Just prose", Assert.Single(index.Documents).Title);
    }

    [Fact]
    public void A_changed_punchlist_yml_drops_every_cached_reading()
    {
        Scan();
        _workspace.Write("punchlist.yml", "hoursPerDay: 6\n");
        Assert.Equal(3, Scan().Counts.Read);
    }

    [Fact]
    public void A_new_fingerprint_empties_every_table_the_documents_fill()
    {
        Scan().Dispose();
        using var database = IndexDatabase.OpenFile(_workspace.Path(".punchlist/index.db"), _ => { }, out _)!;
        var tables = Fingerprint.DataTables(database.Connection);
        Assert.Superset(new HashSet<string> { "documents", "items", "items_fts", "item_counts", "item_details", "item_tech", "criteria", "checks", "repository" }, tables.ToHashSet());
        Assert.True(database.Connection.Scalar<long>("SELECT count(*) FROM item_counts") > 0);
        Assert.True(Fingerprint.Reset(database.Connection, "another build"));
        Assert.All(tables, table => Assert.Equal(0L, database.Connection.Scalar<long>($"SELECT count(*) FROM {table}")));
    }

    [Fact]
    public void In_memory_the_workspace_is_left_untouched()
    {
        using var index = WorkspaceIndex.Scan([_workspace.Root], new IndexOptions { InMemory = true });
        Assert.Null(index.IndexPath);
        Assert.Equal("--no-index", index.InMemoryBecause);
        Assert.False(Directory.Exists(_workspace.Path(".punchlist")));
    }

    [Fact]
    public void A_read_only_workspace_folder_gets_no_index_folder_and_the_run_indexes_in_memory()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(_workspace.Root);
        File.SetUnixFileMode(_workspace.Root, mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        try
        {
            using var index = Scan();
            Assert.Null(index.IndexPath);
            Assert.Equal("the workspace folder is read-only", index.InMemoryBecause);
            Assert.Equal(2, index.Documents.Count);
        }
        finally
        {
            File.SetUnixFileMode(_workspace.Root, mode);
        }

        Assert.False(Directory.Exists(_workspace.Path(".punchlist")));
    }

    [Fact]
    public void A_cancelled_scan_throws_and_the_next_one_reads_every_file_afresh()
    {
        for (int i = 0; i < 300; i++)
        {
            _workspace.Write($"many/t{i:D3}.md", $"# T{i}\n\n- [ ] Task {i}\n");
        }

        using var stop = new CancellationTokenSource();
        stop.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => WorkspaceIndex.Scan([_workspace.Root], new IndexOptions { Cancel = stop.Token }));

        // Nothing half-read is remembered: every tracker is parsed now, and a third scan reads none.
        Assert.Equal(302, Scan().Counts.Parsed);
        using var warm = Scan();
        Assert.Equal((303, 0), (warm.Counts.FromIndex, warm.Counts.Read));
        Assert.Equal(302, Total(warm, "is:open"));
    }

    [Fact]
    public void The_ids_hash_changes_when_and_only_when_some_document_ids_change()
    {
        _workspace.Write("plan.md", "# Plan\n\n## P0-001: Keys\n\n- [ ] Rotate\n");
        ulong Hash()
        {
            using var index = Scan();
            return index.IdsHash();
        }

        ulong first = Hash();
        _workspace.Write("plan.md", "# Plan\n\n## P0-001: Keys\n\n- [ ] Rotate\n- [ ] Revoke the old ones\n");
        Assert.Equal(first, Hash());
        _workspace.Write("plan.md", "# Plan\n\n## P0-002: Keys\n\n- [ ] Rotate\n- [ ] Revoke the old ones\n");
        ulong renamed = Hash();
        Assert.NotEqual(first, renamed);
        _workspace.Write("docs/c.md", "# C\n\n## C-001: Another plan\n");
        Assert.NotEqual(renamed, Hash());
        File.Delete(_workspace.Path("docs/c.md"));
        Assert.Equal(renamed, Hash());
    }

    public void Dispose() => _workspace.Dispose();

    internal static readonly QueryContext Context = new(new DateOnly(2026, 11, 21));

    private static List<string> Titles(IndexedWorkspace index, string query) =>
        index.Search(Query.Parse(query, Context)).Hits.Select(h => h.Item.Title).ToList();

    // Counted from item_counts: a filter of states, priorities and documents alone.
    private static int Total(IndexedWorkspace index, string query) => index.Search(Query.Parse(query, Context)).Total;

    private IndexedWorkspace Scan(string? path = null) => WorkspaceIndex.Scan([path ?? _workspace.Root], IndexOptions.Default);
}
