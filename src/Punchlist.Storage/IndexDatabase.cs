using Microsoft.Data.Sqlite;
using Punchlist.Storage.Schema;

namespace Punchlist.Storage;

/// <summary>
/// The SQLite file under `.punchlist/` (or an in-memory database): opened with WAL and a busy timeout
/// so that several `punch` processes can share it, migrated to the current schema on open. A file that
/// is not a Punchlist index (corrupt, or another program's database) is moved aside and replaced.
/// </summary>
internal sealed class IndexDatabase : IDisposable
{
    public const string FolderName = ".punchlist";
    public const string FileName = "index.db";

    // "PUNC": marks the file as ours, so a foreign SQLite database is recognised and never migrated.
    private const int ApplicationId = 0x50554E43;
    private const int BusyTimeoutMs = 30_000;

    static IndexDatabase() => SQLitePCL.Batteries_V2.Init();

    private IndexDatabase(SqliteConnection connection, string? path)
    {
        Connection = connection;
        Path = path;
        _sibling = new(() => OpenSibling(path));
        _searching = new(() =>
        {
            Queries.RankFunction.Register(connection);
            return connection;
        });
    }

    public SqliteConnection Connection { get; }

    /// <summary>The file, or null in memory.</summary>
    public string? Path { get; }

    private readonly Lazy<SqliteConnection?> _sibling;
    private readonly Lazy<SqliteConnection> _searching;

    /// <summary>
    /// <see cref="Connection"/>, with the ranking function searches call registered on first use: a
    /// status or a scan, which never rank, do not pay for it.
    /// </summary>
    public SqliteConnection Searching => _searching.Value;

    /// <summary>Whether <see cref="Sibling"/> has been opened (tests check that a query used it).</summary>
    internal bool SiblingOpen => _sibling.IsValueCreated && _sibling.Value is not null;

    /// <summary>
    /// A second, read-only connection to the same file, opened on first use, so that one query can read
    /// on two cores (WAL lets both read at once). Null in memory, or when it cannot be opened: then the
    /// query runs on <see cref="Connection"/> alone, as it would anyway.
    /// </summary>
    public SqliteConnection? Sibling => _sibling.Value;

    private static SqliteConnection? OpenSibling(string? path)
    {
        if (path is null)
        {
            return null;
        }

        SqliteConnection? connection = null;
        try
        {
            connection = Connect(path, SqliteOpenMode.ReadOnly);
            connection.Execute(ReadingPragmas);
            Queries.RankFunction.Register(connection);
            return connection;
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            connection?.Dispose();
            return null;
        }
    }

    /// <summary>
    /// A connection that only reads an index another connection opened (and migrated): for hosts that
    /// query on several threads while one scans. WAL lets it read while the scan writes.
    /// </summary>
    public static IndexDatabase OpenReader(string path)
    {
        var connection = Connect(path, SqliteOpenMode.ReadOnly);
        try
        {
            connection.Execute(ReadingPragmas);
            return new IndexDatabase(connection, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static IndexDatabase InMemory() => Open(":memory:", null, Migrations.All);

    /// <summary>
    /// Opens (creating, migrating, or replacing a broken file) the index at <paramref name="path"/>.
    /// Returns null with a reason when the file belongs to a newer version of Punchlist, which this one
    /// must not touch.
    /// </summary>
    public static IndexDatabase? OpenFile(string path, Action<string> warn, out string? refused) =>
        OpenFile(path, warn, Migrations.All, out refused);

    internal static IndexDatabase? OpenFile(string path, Action<string> warn, IReadOnlyList<Migration> migrations, out string? refused)
    {
        refused = null;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return Open(path, path, migrations);
            }
            catch (NewerDatabaseException e)
            {
                refused = $"the index {Shorten(path)} was {e.Message}";
                return null;
            }
            catch (SqliteException e) when (attempt == 0 && IsBroken(e))
            {
                MoveAside(path, e.Message, warn);
            }
            catch (ForeignDatabaseException e) when (attempt == 0)
            {
                MoveAside(path, e.Message, warn);
            }
        }
    }

    /// <summary>SQLite says the file is damaged or is not a database at all.</summary>
    public static bool IsBroken(SqliteException e) => e.SqliteErrorCode is 11 /* CORRUPT */ or 26 /* NOTADB */;

    /// <summary>Moves a broken file (and its WAL) aside, keeping it for a post-mortem, and says so.</summary>
    public static void MoveAside(string path, string why, Action<string> warn)
    {
        SqliteConnection.ClearAllPools();
        string aside = $"{path}.broken-{DateTime.UtcNow:yyyyMMddHHmmss}";
        File.Move(path, aside, overwrite: true);
        foreach (string suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, aside + suffix, overwrite: true);
            }
        }

        warn($"the index {Shorten(path)} could not be used ({why.TrimEnd('.')}); moved it to {System.IO.Path.GetFileName(aside)} and rebuilt it");
    }

    private static string Shorten(string path) =>
        System.IO.Path.Combine(System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path)) ?? string.Empty, System.IO.Path.GetFileName(path)).Replace('\\', '/');

    private static IndexDatabase Open(string source, string? path, IReadOnlyList<Migration> migrations)
    {
        var connection = Connect(source, SqliteOpenMode.ReadWriteCreate);
        try
        {
            Check(connection, migrations);
            if (path is not null)
            {
                // WAL lets readers and one writer work at once; NORMAL sync is safe with WAL (a crash
                // may lose the last scan, never corrupt the file) and the index is a cache anyway.
                connection.Execute("PRAGMA journal_mode = WAL");
                connection.Execute("PRAGMA journal_size_limit = 67108864");
            }

            connection.Execute("PRAGMA synchronous = NORMAL; " + ReadingPragmas);
            Migrate(connection, migrations);
            return new IndexDatabase(connection, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Temporary tables (search hits) in memory, and a 32 MB page cache.
    private const string ReadingPragmas = "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768";

    // Opened, with the busy timeout SQLite itself applies (several processes share the file). No
    // pooling: a connection's file handle must close with it, so a broken file can be moved aside.
    private static SqliteConnection Connect(string source, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = source,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString());
        try
        {
            connection.Open();
            connection.Execute($"PRAGMA busy_timeout = {BusyTimeoutMs}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Ours (application_id), new (empty), or foreign. A newer schema than we know is refused.
    private static void Check(SqliteConnection connection, IReadOnlyList<Migration> migrations)
    {
        long application = connection.Scalar<long>("PRAGMA application_id");
        long version = connection.Scalar<long>("PRAGMA user_version");
        long objects = connection.Scalar<long>("SELECT count(*) FROM sqlite_schema");
        if (application == 0 && objects == 0)
        {
            return;
        }

        if (application != ApplicationId)
        {
            throw new ForeignDatabaseException($"it is not a Punchlist index: application id {application}, {objects} tables");
        }

        if (version > migrations[^1].Version)
        {
            throw new NewerDatabaseException();
        }
    }

    private static void Migrate(SqliteConnection connection, IReadOnlyList<Migration> migrations)
    {
        if (connection.Scalar<long>("PRAGMA user_version") == migrations[^1].Version)
        {
            return;
        }

        // IMMEDIATE takes the write lock first, so two processes opening a new file do not both migrate.
        using var transaction = WriteTransaction.Begin(connection);
        long current = connection.Scalar<long>("PRAGMA user_version");
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            try
            {
                connection.Execute(migration.Sql);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 1 /* ERROR: a table already there, a column missing */)
            {
                // The tables do not match the recorded version (an interrupted migration, a hand edit):
                // the index is a cache, so it is moved aside and rebuilt rather than used in memory forever.
                throw new ForeignDatabaseException($"its tables do not match its version {current}: {e.Message.TrimEnd('.')}");
            }

            connection.Execute($"PRAGMA user_version = {migration.Version}");
        }

        connection.Execute($"PRAGMA application_id = {ApplicationId}");
        transaction.Commit();
    }

    public void Dispose()
    {
        if (_sibling.IsValueCreated)
        {
            _sibling.Value?.Dispose();
        }

        Connection.Dispose();
    }
}

/// <summary>The file is a SQLite database, but not ours.</summary>
internal sealed class ForeignDatabaseException(string message) : Exception(message);

/// <summary>The file is ours, from a newer version: leave it alone.</summary>
internal sealed class NewerDatabaseException() : Exception("written by a newer version of Punchlist");

/// <summary>
/// A row of the index could not be decoded (SQLite has no page checksums: a flipped bit inside a blob
/// passes its checks). The index is a cache: the host moves it aside and runs again on a rebuilt one.
/// </summary>
public sealed class IndexDamagedException(string indexPath, string why, Exception inner)
    : Exception($"a row of the index cannot be read ({why.TrimEnd('.')})", inner)
{
    public string IndexPath { get; } = indexPath;

    /// <summary>Moves the file aside (kept for a post-mortem), saying so through <paramref name="warn"/>.</summary>
    public void MoveAside(Action<string> warn) => IndexDatabase.MoveAside(IndexPath, Message, warn);

    /// <summary>Whether reading the index failed because of what it holds (not because of the disk or a lock).</summary>
    internal static bool IsDamage(Exception e) => e switch
    {
        SqliteException s => IndexDatabase.IsBroken(s),
        System.Text.Json.JsonException or InvalidDataException or EndOfStreamException or FormatException
            or IndexOutOfRangeException or ArgumentException or InvalidCastException or OverflowException or NullReferenceException => true,
        _ => false,
    };
}
