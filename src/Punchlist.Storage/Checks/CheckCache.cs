using Microsoft.Data.Sqlite;
using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Evidence;
using Punchlist.Model;
using Punchlist.Storage.History;
using Punchlist.Workspaces;

namespace Punchlist.Storage.Checks;

/// <summary>A document `punch status` reports on: its row, path, and the hash of the IDs it gives the workspace.</summary>
internal readonly record struct StatusDocument(long Id, string Path, long IdsHash);

/// <summary>A document to check, the SHA-256 of the bytes it was read from, and whether it was read for this (not kept from the scan).</summary>
internal readonly record struct ReadDocument(TrackerDocument Document, byte[] Hash, bool FromDisk);

/// <summary>Each document's counts, and how many were served from the cache, checked again, and read from disk for that.</summary>
/// <param name="Warnings">What the checks could not see (the repository walk stopped at its limit).</param>
public sealed record StatusChecks(IReadOnlyDictionary<string, CheckCounts> ByPath, int Cached, int Checked, int Read)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Serves each document's <see cref="CheckCounts"/> from the index while everything they were
/// computed from still answers the same (see <see cref="CheckRow"/>), and checks the others again —
/// only those, each read from disk unless the scan just parsed it. Revalidation costs no parse: a
/// comparison of the day, the git commit read from `.git`, a sum of per-document ID hashes (and, when
/// it moved, the recorded ID lookups against the current IDs), one stat per recorded path, and one
/// stat per folder and file the evidence looked at (and, when one changed, the recorded probes and
/// globs run again and compared).
/// </summary>
internal sealed class CheckCache(SqliteConnection connection, string root, PunchlistConfig config, TimeSpan racyWindow)
{
    // Documents read and checked at once: enough to keep both cores busy, few enough to hold.
    private const int CheckBatch = 64;

    // Built only when a check must run or be asked again: a warm status never needs the probes.
    private readonly Lazy<WorkspaceEvidence> _lazyEvidence = new(() => new(root, new EvidenceOptions { Probes = config.Probes }));
    private readonly Dictionary<string, bool> _paths = new(StringComparer.Ordinal);
    private IReadOnlyList<StatusDocument> _documents = [];
    private readonly Lazy<string?> _head = new(() => GitHead.Of(root));
    private Lazy<(HashSet<string> Items, HashSet<string> Plans)>? _ids;

    // The IDs of every document of the run, loaded on first use (set up by Run).
    private (HashSet<string> Items, HashSet<string> Plans) Ids => _ids!.Value;
    private long _idsKey;
    private readonly HashSet<long> _askedAgain = [];
    private bool? _repositoryHolds;

    private WorkspaceEvidence Evidence => _lazyEvidence.Value;

    // The checked-out commit; empty outside a repository.
    private string Head => _head.Value ?? string.Empty;

    public StatusChecks Run(IReadOnlyList<StatusDocument> documents, DateOnly today, Func<StatusDocument, ReadDocument> read)
    {
        _documents = documents;
        _idsKey = documents.Aggregate(0L, (sum, d) => unchecked(sum + d.IdsHash));
        _ids = new(LoadIds);
        var rows = LoadRows();
        var counts = new Dictionary<string, CheckCounts>(StringComparer.Ordinal);
        var stale = new List<StatusDocument>();
        var rekeyed = new List<long>();
        foreach (var document in documents)
        {
            if (rows.TryGetValue(document.Id, out var row) && Holds(row, today, out bool rekey))
            {
                counts[document.Path] = row.Counts;
                if (rekey)
                {
                    rekeyed.Add(row.DocumentId);
                }
            }
            else
            {
                stale.Add(document);
            }
        }

        if (stale.Count == 0 && rekeyed.Count == 0 && _repositoryHolds != false)
        {
            return new StatusChecks(counts, documents.Count, 0, 0); // the warm path: nothing to check, nothing to write
        }

        // Read and checked a batch at a time, so that only a batch of documents is held: reading every
        // stale document first took a first run over 10,000 trackers to 3.5 GB. Each batch comes back in path
        // order, as the stale documents are: the n-th check and hash are the n-th stale document's.
        var facts = new WorkspaceFacts(() => Ids.Items, () => Ids.Plans);
        var clock = HistoryClock.Over(connection, root, config);
        var checks = new List<StatusCheck>(stale.Count);
        var hashes = new List<byte[]>(stale.Count);
        int fromDisk = 0;
        foreach (var batch in stale.Chunk(CheckBatch))
        {
            var fresh = batch.AsParallel().AsOrdered().Select(read).ToList();
            checks.AddRange(StatusCheck.Of([.. fresh.Select(f => f.Document)], facts, root, today, config.Check, clock, Evidence));
            hashes.AddRange(fresh.Select(f => f.Hash));
            fromDisk += fresh.Count(f => f.FromDisk);
        }

        for (int i = 0; i < checks.Count; i++)
        {
            counts[checks[i].Path] = checks[i].Counts;
        }

        try
        {
            Store(stale, hashes, checks, today, rekeyed);
        }
        catch (SqliteException)
        {
            // The counts are right; only remembering them failed (a full disk, a lock held past the
            // busy timeout). The next run checks these documents again.
        }

        return new StatusChecks(counts, documents.Count - stale.Count, stale.Count, fromDisk) { Warnings = Evidence.Warnings() };
    }

    private bool Holds(CheckRow row, DateOnly today, out bool rekey)
    {
        rekey = false;
        if ((row.Today is { } day && day != today.DayNumber) || (row.Head is { } head && head != Head))
        {
            return false;
        }

        foreach (var (path, existed) in row.Lookups.Paths)
        {
            if (Exists(path) != existed)
            {
                return false;
            }
        }

        if (row.IdsKey is { } key && key != _idsKey)
        {
            // Some document's IDs changed: the answers this check got may not have. Ask again.
            var (items, plans) = Ids;
            if (row.Lookups.ItemIds.Any(q => items.Contains(q.Key) != q.Value) || row.Lookups.PlanIds.Any(q => plans.Contains(q.Key) != q.Value))
            {
                return false;
            }

            rekey = true;
        }

        if (row.Repository && !(_repositoryHolds ??= RepositoryHolds()))
        {
            // Something the evidence looked at changed: run the probes and globs again and compare.
            if (row.Lookups.Probes.Any(q => Evidence.Probe(q.Key)?.Ok != q.Value) || row.Lookups.Globs.Any(q => Evidence.GlobMatches(q.Key) != q.Value))
            {
                return false;
            }

            _askedAgain.Add(row.DocumentId);
        }

        return true;
    }

    private bool Exists(string relative)
    {
        if (!_paths.TryGetValue(relative, out bool exists))
        {
            string full = Path.Combine(root, relative);
            _paths[relative] = exists = File.Exists(full) || Directory.Exists(full);
        }

        return exists;
    }

    // The cached checks whose document still has the content they were computed from (the hash comes
    // from a covering index: schema step 4).
    internal const string RowsSql = """
        SELECT c.doc_id, c.today, c.head, c.ids_key, c.repository, c.counts, c.lookups
        FROM checks c JOIN documents d ON d.id = c.doc_id AND d.hash = c.hash
        """;

    private Dictionary<long, CheckRow> LoadRows()
    {
        var wanted = _documents.Select(d => d.Id).ToHashSet();
        var rows = new Dictionary<long, CheckRow>();
        using var command = connection.Command(RowsSql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            long id = reader.GetInt64(0);
            // Counts another version wrote are no row: the document is checked again and the row replaced.
            if (wanted.Contains(id) && CountsCodec.Decode((byte[])reader.GetValue(5)) is { } counts)
            {
                rows[id] = new CheckRow(id, (int?)reader.Int64OrNull(1), reader.StringOrNull(2), reader.Int64OrNull(3), reader.GetBoolean(4),
                    counts, Lookups.Decode(reader.IsDBNull(6) ? null : (byte[])reader.GetValue(6)));
            }
        }

        return rows;
    }

    // Every item and plan ID of the documents in scope, as `punch check` collects them from the documents.
    private (HashSet<string>, HashSet<string>) LoadIds()
    {
        var wanted = _documents.Where(d => d.IdsHash != 0).Select(d => d.Id).ToHashSet();
        var items = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var plans = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var command = connection.Command("SELECT id, item_ids, plan_id FROM documents WHERE ids_hash != 0");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (wanted.Contains(reader.GetInt64(0)))
            {
                items.UnionWith(reader.StringOrNull(1)?.Split('\n') ?? []);
                if (reader.StringOrNull(2) is { } plan)
                {
                    plans.Add(plan);
                }
            }
        }

        return (items, plans);
    }

    private bool RepositoryHolds()
    {
        if (connection.Scalar<string>("SELECT value FROM meta WHERE key = 'repository'") != "clean")
        {
            return false; // never recorded, or recorded while something was being written
        }

        using var command = connection.Command("SELECT path, folder, size, mtime FROM repository");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!new RepositoryStamp(reader.GetString(0), reader.GetBoolean(1), reader.GetInt64(2), reader.GetInt64(3)).Holds(root))
            {
                return false;
            }
        }

        return true;
    }

    private void Store(List<StatusDocument> stale, List<byte[]> hashes, List<StatusCheck> checks, DateOnly today, List<long> rekeyed)
    {
        var stamps = _lazyEvidence.IsValueCreated ? Evidence.Stamps() : [];
        if (checks.Count == 0 && rekeyed.Count == 0 && stamps.Count == 0)
        {
            return;
        }

        using var transaction = WriteTransaction.Begin(connection);
        using (var upsert = connection.Command("""
            INSERT INTO checks(doc_id, hash, today, head, ids_key, repository, counts, lookups)
            VALUES ($doc, $hash, $today, $head, $ids, $repository, $counts, $lookups)
            ON CONFLICT(doc_id) DO UPDATE SET hash = excluded.hash, today = excluded.today, head = excluded.head, ids_key = excluded.ids_key,
                repository = excluded.repository, counts = excluded.counts, lookups = excluded.lookups
            """, ("$doc", 0L), ("$hash", null), ("$today", null), ("$head", null), ("$ids", null), ("$repository", false), ("$counts", null), ("$lookups", null)))
        {
            for (int i = 0; i < checks.Count; i++)
            {
                var consulted = checks[i].Consulted;
                var lookups = Lookups.Of(consulted);
                Set(upsert, "$doc", stale[i].Id);
                Set(upsert, "$hash", hashes[i]);
                Set(upsert, "$today", consulted.Today ? today.DayNumber : null);
                Set(upsert, "$head", consulted.Clock ? Head : null);
                Set(upsert, "$ids", lookups.ItemIds.Count + lookups.PlanIds.Count > 0 ? _idsKey : null);
                Set(upsert, "$repository", consulted.Repository);
                Set(upsert, "$counts", CountsCodec.Encode(checks[i].Counts));
                Set(upsert, "$lookups", lookups.Encode());
                upsert.ExecuteNonQuery();
            }
        }

        foreach (long id in rekeyed)
        {
            connection.Execute("UPDATE checks SET ids_key = $k WHERE doc_id = $d", ("$k", _idsKey), ("$d", id));
        }

        if (stamps.Count > 0)
        {
            StoreStamps(stamps, stale);
        }

        transaction.Commit();
    }

    // What the evidence looked at this run, added to what it had looked at before when that still
    // holds; replacing it otherwise. A stamp too recent to trust marks the record as unsure.
    private void StoreStamps(IReadOnlyList<RepositoryStamp> stamps, List<StatusDocument> written)
    {
        if (!(_repositoryHolds ??= RepositoryHolds()))
        {
            // The old record goes; so must every cached check that relied on it and was not asked
            // again against this run's evidence (documents outside this run's scope, for one).
            _askedAgain.UnionWith(written.Select(d => d.Id));
            var relied = new List<long>();
            using (var query = connection.Command("SELECT doc_id FROM checks WHERE repository = 1"))
            using (var reader = query.ExecuteReader())
            {
                while (reader.Read())
                {
                    relied.Add(reader.GetInt64(0));
                }
            }

            foreach (long id in relied.Where(id => !_askedAgain.Contains(id)))
            {
                connection.Execute("DELETE FROM checks WHERE doc_id = $d", ("$d", id));
            }

            connection.Execute("DELETE FROM repository");
        }

        long recent = DateTime.UtcNow.Ticks - racyWindow.Ticks;
        using var insert = connection.Command("INSERT OR REPLACE INTO repository(path, folder, size, mtime) VALUES ($p, $f, $s, $m)", ("$p", string.Empty), ("$f", false), ("$s", 0L), ("$m", 0L));
        foreach (var stamp in stamps)
        {
            Set(insert, "$p", stamp.Path);
            Set(insert, "$f", stamp.Folder);
            Set(insert, "$s", stamp.Size);
            Set(insert, "$m", stamp.LastWriteTicks);
            insert.ExecuteNonQuery();
        }

        string state = stamps.Any(s => s.LastWriteTicks > recent) ? "racy" : "clean";
        connection.Execute("INSERT INTO meta(key, value) VALUES ('repository', $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value", ("$v", state));
    }

    private static void Set(SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;
}
