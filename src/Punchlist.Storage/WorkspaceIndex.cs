using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Punchlist.Reading;
using Punchlist.Model;
using Punchlist.Search;
using Punchlist.Storage.Checks;
using Punchlist.Workspaces;

namespace Punchlist.Storage;

/// <summary>
/// Brings a workspace's index up to date and hands it over for queries. Files whose size and time
/// stamp match what the index holds are not read at all; the others are read and hashed, and only
/// those whose bytes changed are parsed. Files gone from the scanned folders are dropped.
/// </summary>
public static class WorkspaceIndex
{
    private const int BatchSize = 256;
    private const int ReplanAfter = 500;

    // The source bytes whose parsed documents a scan keeps for the check after it (KeepDocuments). A
    // model takes many times its source: a first status of 10,000 trackers (241 MB), which kept them
    // all, peaked at 3.66 GB. Every tracker of an ordinary repository fits; beyond this the check reads
    // the rest again, a batch at a time, and memory stays bounded (0.98 GB for the same status).
    internal const long KeptSourceBytes = 16L << 20;

    public static IndexedWorkspace Scan(IReadOnlyList<string> paths, IndexOptions options)
    {
        var (root, config, targets) = WorkspaceLoader.Locate(paths);

        // The folder walk and opening the index (which then reads what it remembers of every file) touch
        // different files and take about as long as each other: they run side by side. On a warm status
        // of 10,000 trackers (a fresh process) this took the scan from 215 ms to 165 ms.
        var opening = Task.Run(() => Open(root, options));
        List<WorkspaceFile> files;
        try
        {
            files = Discovery.Find(root, targets, config);
        }
        catch
        {
            // The walk failed (a path vanished under it): the index is closed once it has opened.
            opening.ContinueWith(t => t.Result.Database.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
            throw;
        }

        var (database, memoryReason, known) = opening.GetAwaiter().GetResult();
        try
        {
            return Refresh(database, root, config, paths, files, options, memoryReason, known);
        }
        catch (Exception e) when (database.Path is { } file && e is not PunchlistException && IndexDamagedException.IsDamage(e))
        {
            // Damage the header check did not see shows up on first use: move aside and start over, once.
            database.Dispose();
            IndexDatabase.MoveAside(file, e.Message, options.Warn);
            database = IndexDatabase.OpenFile(file, options.Warn, out _) ?? IndexDatabase.InMemory();
            return Refresh(database, root, config, paths, files, options, memoryReason, known: null);
        }
        catch (SqliteException e) when (database.Path is { } file)
        {
            // A file that cannot be written (read-only, disk full): the run goes on in memory.
            database.Dispose();
            options.Warn($"the index {Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)} could not be updated ({e.Message.TrimEnd('.')}); this run indexes in memory");
            return Refresh(IndexDatabase.InMemory(), root, config, paths, files, options, "the index file could not be updated", known: null);
        }
        catch
        {
            // Cancelled, or a failure of its own (an explicitly named file that cannot be read): the
            // caller gets no workspace, so the index is closed here.
            database.Dispose();
            throw;
        }
    }

    // The index (on disk unless told otherwise or refused), emptied when built by other code or another
    // punchlist.yml, and what it remembers of every file. An error reading it is left for Refresh to
    // meet again, where it is handled: known is then null.
    private static (IndexDatabase Database, string? MemoryReason, Dictionary<string, KnownDocument>? Known) Open(string root, IndexOptions options)
    {
        string? memoryReason = options.InMemory ? "--no-index" : null;
        var database = (options.InMemory ? null : OpenOnDisk(root, options.Warn, out memoryReason)) ?? IndexDatabase.InMemory();
        try
        {
            return (database, memoryReason, Prepare(database.Connection, root));
        }
        catch (SqliteException)
        {
            return (database, memoryReason, null);
        }
    }

    /// <summary>
    /// The workspace's index without a scan (what `punch history` reads): on disk unless told
    /// otherwise or refused, emptied when other code or another punchlist.yml built it.
    /// </summary>
    internal static (IndexDatabase Database, string? MemoryReason) OpenIndex(string root, IndexOptions options)
    {
        string? memoryReason = options.InMemory ? "--no-index" : null;
        var database = (options.InMemory ? null : OpenOnDisk(root, options.Warn, out memoryReason)) ?? IndexDatabase.InMemory();
        try
        {
            Fingerprint.Reset(database.Connection, Fingerprint.Of(root));
            return (database, memoryReason);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    private static IndexDatabase? OpenOnDisk(string root, Action<string> warn, out string? memoryReason)
    {
        string folder = Path.Combine(root, IndexDatabase.FolderName);
        memoryReason = null;
        if (IndexLinks.Refuse(folder, warn) is { } notHere)
        {
            memoryReason = notHere;
            return null;
        }

        if (!Directory.Exists(folder))
        {
            if (ReadOnlyToRoot(root))
            {
                memoryReason = "the workspace folder is read-only";
                return null;
            }

            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, ".gitignore"), "# Punchlist's index: a cache, never committed.\n*\n");
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // Tried, not guessed from the mode bits: another user's folder, a group's, an ACL, a
                // read-only mount, a full disk — whatever the system says, the run goes on in memory.
                memoryReason = e is not UnauthorizedAccessException ? $"the index folder could not be made: {e.Message.TrimEnd('.')}"
                    : OperatingSystem.IsWindows() || (File.GetUnixFileMode(root) & UnixFileMode.UserWrite) == 0 ? "the workspace folder is read-only"
                    : "the workspace folder is read-only to this user";
                return null;
            }
        }

        try
        {
            var database = IndexDatabase.OpenFile(Path.Combine(folder, IndexDatabase.FileName), warn, out string? refused);
            memoryReason = refused;
            return database;
        }
        catch (SqliteException e)
        {
            memoryReason = $"the index could not be opened: {e.Message.TrimEnd('.')}";
            return null;
        }
    }

    // Root may write anywhere, so trying would say yes: a checkout its owner made read-only stays
    // untouched by root too. Everyone else simply tries (above).
    private static bool ReadOnlyToRoot(string folder) => OperatingSystem.IsWindows()
        ? new DirectoryInfo(folder).Attributes.HasFlag(FileAttributes.ReadOnly)
        : Environment.IsPrivilegedProcess && (File.GetUnixFileMode(folder) & UnixFileMode.UserWrite) == 0;

    private static IndexedWorkspace Refresh(IndexDatabase database, string root, PunchlistConfig config, IReadOnlyList<string> paths,
        List<WorkspaceFile> files, IndexOptions options, string? memoryReason, Dictionary<string, KnownDocument>? known)
    {
        var connection = database.Connection;
        known ??= Prepare(connection, root);

        var found = files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        var scopes = Scopes(root, paths);
        var removed = known.Values.Where(k => !found.ContainsKey(k.Path) && scopes.Any(s => Under(k.Path, s))).ToList();

        var fresh = new List<WorkspaceFile>();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (known.TryGetValue(file.RelativePath, out var k) && k.Size == file.Length && k.LastWriteTicks == file.LastWriteTicks && !k.Racy && (k.Parsed || !file.Explicit))
            {
                ids[file.RelativePath] = k.Id;
            }
            else
            {
                fresh.Add(file);
            }
        }

        WithHashes(connection, known, fresh);
        var reader = new DocumentReader(config.ToReaderOptions());
        long racyAfter = DateTime.UtcNow.Ticks - options.RacyWindow.Ticks;
        var warnings = new ConcurrentBag<string>();
        var kept = new Dictionary<string, ReadDocument>(StringComparer.Ordinal);
        long keptBytes = 0;
        var reparsed = new List<string>();
        int read = 0, parsed = 0;
        // Nothing to read and nothing to drop: no write transaction at all (a warm run only reads).
        if (fresh.Count > 0 || removed.Count > 0)
        {
            using (var results = new BlockingCollection<Reading>(boundedCapacity: 64))
            {
                var producer = Task.Run(() =>
                {
                    try
                    {
                        Parallel.ForEach(fresh, new ParallelOptions { CancellationToken = options.Cancel },
                            file => results.Add(Read(file, known.GetValueOrDefault(file.RelativePath), reader, config.Check, racyAfter, options.KeepDocuments)));
                    }
                    finally
                    {
                        results.CompleteAdding();
                    }
                });

                bool factsOnly = options.FactsOnly && database.Path is null;
                var writer = new IndexWriter(connection, factsOnly);
                try
                {
                    int pending = 0;
                    foreach (var result in results.GetConsumingEnumerable())
                    {
                        var existing = known.GetValueOrDefault(result.File.RelativePath);
                        if (result.Error is not null)
                        {
                            if (result.File.Explicit)
                            {
                                throw new PunchlistException(result.Error);
                            }

                            warnings.Add(result.Error);
                            if (existing is not null)
                            {
                                writer.Remove(existing.Id);
                            }

                            continue;
                        }

                        read++;
                        if (result.Unchanged)
                        {
                            writer.Touch(existing!.Id, result.Stamp!);
                            ids[result.File.RelativePath] = existing.Id;
                        }
                        else
                        {
                            parsed += result.Record is null ? 0 : 1;
                            if (result.Record is not null)
                            {
                                reparsed.Add(result.File.RelativePath);
                            }

                            ids[result.File.RelativePath] = writer.Put(result.Stamp!, result.Record);
                            if (result.Document is not null && (keptBytes += result.File.Length) <= KeptSourceBytes)
                            {
                                kept[result.File.RelativePath] = new ReadDocument(result.Document, result.Stamp!.Hash, FromDisk: false);
                            }
                        }

                        if (++pending == BatchSize)
                        {
                            // Commit in batches so a first scan of a large workspace keeps the WAL small and
                            // other processes see progress.
                            writer.Commit();
                            writer.Dispose();
                            // Stopped: what is committed is whole (each file's rows with its stamp); the rest is read next time.
                            options.Cancel.ThrowIfCancellationRequested();
                            writer = new IndexWriter(connection, factsOnly);
                            pending = 0;
                        }
                    }

                    producer.GetAwaiter().GetResult();
                    removed.ForEach(r => writer.Remove(r.Id));
                    writer.Commit();
                    if (parsed + removed.Count >= ReplanAfter)
                    {
                        // Statistics for the query planner (sampled, so quick): without them SQLite guesses
                        // that `state = open` is selective and scans half the items for `due:<…`.
                        connection.Execute("PRAGMA analysis_limit = 1000; ANALYZE");
                    }
                }
                finally
                {
                    writer.Dispose();
                    if (!producer.IsCompleted)
                    {
                        // An error while writing: drain the readers so the producer finishes.
                        foreach (var _ in results.GetConsumingEnumerable())
                        {
                        }
                    }
                }
            }
        }

        var inScope = files.Where(f => ids.ContainsKey(f.RelativePath)).Select(f => (f.RelativePath, Id: ids[f.RelativePath], f.Explicit)).ToList();
        var counts = new ScanCounts(files.Count, files.Count - fresh.Count, read, parsed, removed.Count);
        return new IndexedWorkspace(database, root, config, inScope, counts, [.. warnings.Order(StringComparer.Ordinal)], memoryReason)
        {
            Kept = kept,
            Reparsed = reparsed,
            RacyWindow = options.RacyWindow,
        };
    }

    private static Reading Read(WorkspaceFile file, KnownDocument? known, DocumentReader reader, Analysis.Policies.CheckPolicy policy, long racyAfter, bool keep)
    {
        byte[] bytes;
        FileInfo info;
        try
        {
            info = new FileInfo(file.FullPath);
            bytes = FileBytes.Read(file.FullPath, FileBytes.MaxTrackerBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Reading(file, null, null, false, $"{file.RelativePath}: cannot be read: {e.Message}", null);
        }

        // The stamp is taken from the bytes actually read; a write racing with the read leaves a
        // recent time stamp, so the file is marked racy and hashed again next time.
        long ticks = info.LastWriteTimeUtc.Ticks;
        var stamp = new FileStamp(file.RelativePath, bytes.Length, ticks, SHA256.HashData(bytes), ticks > racyAfter);
        if (known?.Hash is not null && known.Hash.AsSpan().SequenceEqual(stamp.Hash) && (known.Parsed || !file.Explicit))
        {
            return new Reading(file, stamp, null, true, null, null);
        }

        if (!file.Explicit && !TrackerPrefilter.MayHoldItems(file.RelativePath, bytes))
        {
            return new Reading(file, stamp, null, false, null, null);
        }

        var document = reader.Read(file.RelativePath, bytes);
        bool reported = file.Explicit || document.IsTracker;
        return new Reading(file, stamp, DocumentRecord.Of(document, policy), false, null, keep && reported ? document : null);
    }

    // The index emptied if other code or another punchlist.yml built it, then what it remembers of every file.
    private static Dictionary<string, KnownDocument> Prepare(SqliteConnection connection, string root)
    {
        Fingerprint.Reset(connection, Fingerprint.Of(root));
        return Known(connection);
    }

    internal const string KnownSql = "SELECT id, path, size, mtime, racy, parsed FROM documents";

    private static Dictionary<string, KnownDocument> Known(SqliteConnection connection)
    {
        var known = new Dictionary<string, KnownDocument>(StringComparer.Ordinal);
        // Without the hashes: they matter only for the few files whose size or time stamp changed
        // (WithHashes), and reading one for every document was a third of a warm scan.
        using var command = connection.Command(KnownSql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var k = new KnownDocument(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), null, reader.GetBoolean(4), reader.GetBoolean(5));
            known[k.Path] = k;
        }

        return known;
    }

    // The remembered hashes of the files about to be read, which tell a touched file from a changed one.
    private static void WithHashes(SqliteConnection connection, Dictionary<string, KnownDocument> known, List<WorkspaceFile> fresh)
    {
        using var command = connection.Command("SELECT hash FROM documents WHERE id = $id", ("$id", 0L));
        foreach (var file in fresh)
        {
            if (known.TryGetValue(file.RelativePath, out var k))
            {
                command.Parameters["$id"].Value = k.Id;
                known[file.RelativePath] = k with { Hash = command.ExecuteScalar() as byte[] };
            }
        }
    }

    // The folders (relative to the root; "" is all of it) and files this scan covers: what is not found
    // under them was deleted. A document outside them stays in the index for a later, wider scan.
    private static List<string> Scopes(string root, IReadOnlyList<string> paths) =>
        (paths.Count == 0 ? [Directory.GetCurrentDirectory()] : paths)
            .Select(p => Discovery.Relative(root, Path.GetFullPath(p)))
            .Select(r => r == "." ? string.Empty : r)
            .ToList();

    private static bool Under(string path, string scope) =>
        scope.Length == 0 || path == scope || path.StartsWith(scope + "/", StringComparison.Ordinal);

    private sealed record KnownDocument(long Id, string Path, long Size, long LastWriteTicks, byte[]? Hash, bool Racy, bool Parsed);

    private sealed record Reading(WorkspaceFile File, FileStamp? Stamp, DocumentRecord? Record, bool Unchanged, string? Error, TrackerDocument? Document);
}
