using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Punchlist.History;
using Punchlist.History.Git;
using Punchlist.Reading;
using Punchlist.Workspaces;

namespace Punchlist.Storage.History;

/// <summary>What one update read from git: commits, blobs parsed, and whether the history was read again from the start (the branch was rewritten).</summary>
public sealed record HistoryReadCounts(int Commits, int Parsed, bool Rebuilt);

/// <summary>
/// Brings the history tables up to a commit: reads the main line's commits after the last one read
/// (all of them the first time, or when the branch was rewritten), in batches; parses each blob no
/// earlier run parsed (in parallel, with the reader every other command uses) and keeps its version;
/// then applies the batch's commits in order — which documents each commit touched, through renames
/// and deletions, and what it did to each item (<see cref="CommitChanges"/>). Holds one batch's
/// blobs and the documents it touched, never the whole history.
/// </summary>
internal sealed class HistoryBuilder : IDisposable
{
    private const int BatchCommits = 256;

    // Documents (with their items) and parsed versions kept between commits: enough for a workspace's
    // trackers many times over, and the memory of a few thousand documents, not of the history.
    private const int KeptDocuments = 4096;

    private readonly SqliteConnection _connection;
    private readonly HistoryGit _git;
    private readonly HistoryPaths _paths;
    private readonly DocumentReader _reader;
    private readonly HistoryWriter _writer;
    private readonly Dictionary<string, long> _live;
    private readonly HashSet<string> _known;
    private readonly Dictionary<long, List<(long Item, ItemVersion Version)>> _documents = [];
    private readonly Dictionary<string, DocumentVersion> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _batchVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<long, (string Path, string? Blob, int Seq)> _moved = [];
    private readonly HashSet<long> _withGone;
    private BlobReader? _blobs;
    private int _seq;

    private HistoryBuilder(SqliteConnection connection, HistoryGit git, PunchlistConfig config)
    {
        _connection = connection;
        _git = git;
        _paths = new HistoryPaths(config);
        _reader = new DocumentReader(config.ToReaderOptions());
        _writer = new HistoryWriter(connection);
        _live = _writer.LivePaths();
        _known = _writer.KnownBlobs();
        _seq = _writer.LastSeq();
        _withGone = _writer.DocumentsWithGoneItems();
    }

    /// <summary>Reads the commits up to <paramref name="head"/> that the tables do not hold yet.</summary>
    public static HistoryReadCounts Update(SqliteConnection connection, HistoryGit git, PunchlistConfig config, string head)
    {
        string? stored = HistoryWriter.Head(connection);
        if (stored == head)
        {
            return new HistoryReadCounts(0, 0, false);
        }

        if (stored is not null)
        {
            try
            {
                using var forward = new HistoryBuilder(connection, git, config);
                var (newCommits, newlyParsed) = forward.Read(head, stored);
                return new HistoryReadCounts(newCommits, newlyParsed, false);
            }
            catch (RewrittenException)
            {
                // The last commit read is not on the new head's first-parent line (a rebase, a reset, another
                // branch checked out): what was read after the fork is no longer history. Read it all again;
                // the parsed blobs stay.
                using var transaction = WriteTransaction.Begin(connection);
                HistoryWriter.Clear(connection);
                transaction.Commit();
            }
        }

        using var builder = new HistoryBuilder(connection, git, config);
        var (commits, parsed) = builder.Read(head, null);
        return new HistoryReadCounts(commits, parsed, stored is not null);
    }

    // A version is known by its blob id; one read as Org (the same bytes in a `*.org` file read
    // otherwise) by the id with a prefix.
    private static string CacheKey(string blob, string path) =>
        DocumentReader.FormatOf(path) == Model.DocumentFormat.Org ? "org:" + blob : blob;

    private sealed class RewrittenException() : Exception("the branch was rewritten");

    private (int Commits, int Parsed) Read(string head, string? after)
    {
        int commits = 0, parsed = 0;
        using var log = _git.Start(input: false, CommitLog.Arguments(head, after))
            ?? throw new GitMissingException();

        // Two stages: git's output read into batches whose new blobs are parsed on every core, and the
        // batches applied in order on this thread (SQLite's), so that applying one batch overlaps with
        // reading and parsing the next. One batch waits at most: whatever waits outlives the young
        // generation's collections, and each of them costs what it finds alive there.
        using var queue = new BlockingCollection<(List<GitCommit> Batch, List<(string Blob, byte[] Version)> Parsed)>(boundedCapacity: 1);
        var requested = new HashSet<string>(_known, StringComparer.Ordinal);
        var producer = Task.Run(() =>
        {
            try
            {
                var batch = new List<GitCommit>(BatchCommits);
                bool first = true;
                foreach (var commit in CommitLog.Parse(log.StandardOutput.BaseStream))
                {
                    // After a commit read before, the oldest new one must be its child on the first-parent line.
                    if (first && after is not null && (commit.Parents.Count == 0 || commit.Parents[0] != after))
                    {
                        throw new RewrittenException();
                    }

                    first = false;
                    batch.Add(commit);
                    if (batch.Count == BatchCommits)
                    {
                        queue.Add((batch, Parse(batch, requested)));
                        batch = new List<GitCommit>(BatchCommits);
                    }
                }

                if (first && after is not null)
                {
                    throw new RewrittenException(); // nothing after it: the head went back, or elsewhere
                }

                queue.Add((batch, Parse(batch, requested)));
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        try
        {
            foreach (var (batch, versions) in queue.GetConsumingEnumerable())
            {
                Apply(batch, versions);
                commits += batch.Count;
                parsed += versions.Count;
            }

            producer.GetAwaiter().GetResult();
        }
        catch
        {
            // Applying failed: stop git and let the reader finish, so that nothing is left running.
            try
            {
                log.Kill();
            }
            catch (InvalidOperationException)
            {
                // it had exited
            }

            foreach (var _ in queue.GetConsumingEnumerable())
            {
            }

            throw;
        }

        log.WaitForExit();
        if (log.ExitCode != 0)
        {
            // The log's errors were dropped as they came (so that git never blocked on them): git is
            // asked once more, briefly, for what it has against the repository (another user's, say).
            string? why = _git.Run("rev-parse", "--verify", "HEAD^{commit}").Error
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            throw new PunchlistException($"git log failed (exit {log.ExitCode}) while reading the history{(why is null ? string.Empty : $": {why}")}");
        }

        using (var transaction = WriteTransaction.Begin(_connection))
        {
            _writer.SetHead(head);
            transaction.Commit();
        }

        return (commits, parsed);
    }

    // Keeps the batch's new versions, then applies its commits, in one transaction.
    private void Apply(List<GitCommit> batch, List<(string Blob, byte[] Version)> versions)
    {
        using var transaction = WriteTransaction.Begin(_connection);
        foreach (var (blob, version) in versions)
        {
            _writer.PutVersion(blob, version);
            _known.Add(blob);
            _batchVersions[blob] = version;
        }

        foreach (var commit in batch)
        {
            Apply(commit);
        }

        foreach (var (document, (path, blob, seq)) in _moved)
        {
            _writer.SetDocument(document, path, blob, seq);
        }

        _moved.Clear();
        _batchVersions.Clear();
        if (batch.Count > 0)
        {
            _writer.SetHead(batch[^1].Id);
        }

        transaction.Commit();
        if (_documents.Count > KeptDocuments || _versions.Count > KeptDocuments)
        {
            // Read again, from the index, when a later commit touches them.
            _documents.Clear();
            _versions.Clear();
        }
    }

    // The batch's blobs that no earlier batch or run asked for, read from git and parsed on every core.
    // Each version is handed over encoded, as the index keeps it: one array, not the dozens of objects a
    // version's items are. While thousands of those waited between the stages, each young collection
    // paused the build about 30 ms (150-190 ms a build); with arrays, 21-35 ms a build (BENCHMARKS §4).
    private List<(string Blob, byte[] Version)> Parse(List<GitCommit> batch, HashSet<string> requested)
    {
        // Each version once, with a path it had (the reader tells formats by the file's name).
        var wanted = new List<(string Key, string Blob, string Path)>();
        foreach (var change in batch.SelectMany(c => c.Changes))
        {
            if (change.NewBlob is { } blob && _paths.Includes(change.Path) && requested.Add(CacheKey(blob, change.Path)))
            {
                wanted.Add((CacheKey(blob, change.Path), blob, change.Path));
            }
        }

        if (wanted.Count == 0)
        {
            return [];
        }

        _blobs ??= BlobReader.Open(_git) ?? throw new GitMissingException();
        var read = new ConcurrentBag<(string Blob, byte[] Version)>();
        int missing = 0;

        // git answers in order on one pipe while the cores parse what it has sent.
        // git answers in the order asked, so the n-th answer is the n-th wanted version.
        Parallel.ForEach(_blobs.ReadMany([.. wanted.Select(w => w.Blob)]), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (blob, _, n) =>
        {
            if (blob.Bytes is null)
            {
                Interlocked.Increment(ref missing);
                return;
            }

            var (key, _, path) = wanted[(int)n];
            var version = TrackerPrefilter.MayHoldItems(path, blob.Bytes) ? DocumentVersion.Of(_reader.Read(path, blob.Bytes)) : DocumentVersion.Empty;
            read.Add((key, VersionCodec.Encode(version)));
        });

        // A version that cannot be read would look like a tracker emptied: say so instead.
        return missing == 0 ? [.. read]
            : throw new PunchlistException($"the repository lacks {missing} {(missing == 1 ? "version" : "versions")} of its trackers (a partial clone?): fetch them to read the history");
    }

    private void Apply(GitCommit commit)
    {
        // Which document each change touches, and its version after the commit (null: gone).
        var touched = new List<(long Document, string Path, string? Blob)>();
        foreach (var change in commit.Changes)
        {
            bool inNew = change.NewBlob is not null && _paths.Includes(change.Path);
            string? oldPath = change.Kind == 'R' ? change.FromPath : change.Path;
            long? document = oldPath is not null && _paths.Includes(oldPath) && _live.Remove(oldPath, out long found) ? found : null;
            if (!inNew)
            {
                if (document is { } gone)
                {
                    touched.Add((gone, oldPath!, null));
                }

                continue;
            }

            if (document is null && _live.Remove(change.Path, out long existing))
            {
                document = existing;
            }

            long id = document ?? NewDocument(change.Path);
            _live[change.Path] = id;
            touched.Add((id, change.Path, CacheKey(change.NewBlob!, change.Path)));
        }

        // A document touched twice by one commit (a path deleted and written again) counts once, as it ends.
        touched = touched.GroupBy(t => t.Document).Select(g => g.Last()).ToList();

        var steps = new List<DocumentStep>();
        var after = new Dictionary<long, DocumentVersion?>();
        foreach (var (document, _, blob) in touched)
        {
            var before = Items(document);
            var version = blob is null ? null : VersionOf(blob);
            after[document] = version;
            steps.Add(new DocumentStep(document, before, version?.Items ?? []));
        }

        var changes = CommitChanges.Between(steps);

        // Documents that are no tracker before or after (notes, a README) are followed, not versioned.
        var versioned = touched.Where(t => Items(t.Document).Count > 0 || after[t.Document] is { IsTracker: true }).Select(t => t.Document).ToHashSet();
        if (versioned.Count == 0)
        {
            foreach (var (document, path, blob) in touched)
            {
                _moved[document] = (path, blob, _seq);
                _documents.Remove(document);
            }

            return;
        }

        int seq = ++_seq;
        _writer.AddCommit(seq, commit);
        var keys = touched.ToDictionary(t => t.Document, t => Keys(t.Document, after[t.Document]));
        foreach (var step in changes)
        {
            switch (step)
            {
                case ItemChanged c:
                    if (c.Version.Key != c.Before.Key || !Items(c.Document).Exists(i => i.Item == c.Item))
                    {
                        _writer.SetItem(c.Item, c.Document, c.Version.Key, present: true); // a new key or document
                    }

                    _writer.AddChange(seq, c.Item, c.Document, present: true, c.Version);
                    keys[c.Document][c.Version.Key] = c.Item;
                    break;
                case ItemGone g:
                    _writer.SetItem(g.Item, g.Document, g.Version.Key, present: false);
                    _writer.AddChange(seq, g.Item, g.Document, present: false, g.Version);
                    _withGone.Add(g.Document);
                    break;
                case ItemAppeared a when _withGone.Contains(a.Document) && _writer.Gone(a.Document, a.Version.Key) is { } restored:
                    // The same line back in the same document (a revert, a tracker that is one again).
                    _writer.SetItem(restored.Item, a.Document, a.Version.Key, present: true);
                    _writer.AddChange(seq, restored.Item, a.Document, present: true, a.Version);
                    keys[a.Document][a.Version.Key] = restored.Item;
                    break;
                case ItemAppeared a:
                    long item = _writer.AddItem(a.Document, a.Version.Key, seq);
                    _writer.AddChange(seq, item, a.Document, present: true, a.Version);
                    keys[a.Document][a.Version.Key] = item;
                    break;
            }
        }

        foreach (var (document, path, blob) in touched)
        {
            var version = after[document];
            _moved[document] = (path, blob, seq);
            if (versioned.Contains(document))
            {
                _writer.AddVersion(document, seq, path, blob, version);
            }

            var ids = keys[document];
            _documents[document] = (version?.Items ?? []).Where(i => ids.ContainsKey(i.Key)).Select(i => (ids[i.Key], i)).ToList();
        }
    }

    // The items that stayed in the document under the same key keep their ids; the steps add the rest.
    private Dictionary<string, long> Keys(long document, DocumentVersion? after)
    {
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        if (after is null)
        {
            return keys;
        }

        var now = after.Items.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (item, version) in Items(document))
        {
            if (now.Contains(version.Key))
            {
                keys[version.Key] = item;
            }
        }

        return keys;
    }

    private long NewDocument(string path)
    {
        long id = _writer.AddDocument(path, _seq + 1);
        _documents[id] = [];
        return id;
    }

    // A document's items as the last commit left them, each with its item id.
    private List<(long Item, ItemVersion Version)> Items(long document)
    {
        if (_documents.TryGetValue(document, out var items))
        {
            return items;
        }

        var (blob, ids) = _writer.Live(document);
        var version = blob is null ? null : VersionOf(blob);
        items = (version?.Items ?? []).Where(i => ids.ContainsKey(i.Key)).Select(i => (ids[i.Key], i)).ToList();
        _documents[document] = items;
        return items;
    }

    private DocumentVersion VersionOf(string blob)
    {
        if (_batchVersions.TryGetValue(blob, out var encoded))
        {
            return VersionCodec.Decode(encoded); // a commit of this batch brought it: read once or twice, not kept
        }

        if (!_versions.TryGetValue(blob, out var version))
        {
            version = _writer.Version(blob) ?? DocumentVersion.Empty;
            _versions[blob] = version;
        }

        return version;
    }

    public void Dispose()
    {
        _blobs?.Dispose();
        _writer.Dispose();
    }
}

/// <summary>The git program could not be started (not installed).</summary>
internal sealed class GitMissingException() : Exception("git could not be started");
