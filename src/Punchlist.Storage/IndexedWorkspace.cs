using Punchlist.Analysis;
using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Search;
using Punchlist.Storage.Checks;
using Punchlist.Storage.Codecs;
using Punchlist.Storage.Queries;
using Punchlist.Workspaces;

namespace Punchlist.Storage;

/// <summary>
/// A scanned workspace served from its index: the documents' facts for `punch status`, queries for
/// `punch list` and `punch search`, and the few documents `punch show` needs, parsed fresh. Scoped to
/// the files the scan found, even when the index also holds documents from wider scans.
/// </summary>
public sealed class IndexedWorkspace : IDisposable
{
    private readonly IndexDatabase _database;
    private readonly List<(string Path, long Id, bool Explicit)> _scope;
    private readonly Lazy<DocumentReader> _reader;
    private IReadOnlyList<DocumentFacts>? _documents;
    private List<(StatusDocument Document, DocumentSummary Summary)>? _reported;
    private Dictionary<string, ReadDocument>? _model;
    private string? _scopeTable;
    private bool _scopeReady;

    internal IndexedWorkspace(IndexDatabase database, string root, PunchlistConfig config, List<(string, long, bool)> scope, ScanCounts counts, IReadOnlyList<string> warnings, string? inMemoryBecause)
    {
        _database = database;
        _scope = scope;
        Root = root;
        Config = config;
        Counts = counts;
        Warnings = warnings;
        InMemoryBecause = inMemoryBecause;
        _reader = new(() => new DocumentReader(config.ToReaderOptions()));
    }

    public string Root { get; }

    public PunchlistConfig Config { get; }

    public ScanCounts Counts { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The index file, or null when the index lives in memory for this run.</summary>
    public string? IndexPath => _database.Path;

    /// <summary>Why the index is in memory (`--no-index`, a read-only folder, a newer index); null on disk.</summary>
    public string? InMemoryBecause { get; }

    /// <summary>Whether ranked queries rank only the first groups of their matches (tests force it either way).</summary>
    internal Narrowing Narrowing { get; set; } = Narrowing.ByCost;

    /// <summary>Whether a query has read on the index's second connection (tests check the two-core path).</summary>
    internal bool SiblingOpen => _database.SiblingOpen;

    /// <summary>Documents the scan parsed and kept for this run (<see cref="IndexOptions.KeepDocuments"/>), by path.</summary>
    internal IReadOnlyDictionary<string, ReadDocument> Kept { get; init; } = new Dictionary<string, ReadDocument>();

    internal TimeSpan RacyWindow { get; init; } = IndexOptions.Default.RacyWindow;

    /// <summary>The files this scan parsed because their content was new or had changed (not those served from the index), by path.</summary>
    public IReadOnlyList<string> Reparsed { get; init; } = [];

    /// <summary>
    /// Each reported document's findings and verification counts as `punch check` and `punch verify`
    /// would give them today, served from the index where nothing they depend on changed (see
    /// <see cref="CheckCache"/>); the others checked again, and remembered.
    /// </summary>
    public StatusChecks Checks(DateOnly today) =>
        Guarded(() => new CheckCache(_database.Connection, Root, Config, RacyWindow).Run([.. Reported().Select(r => r.Document)], today, ReadForCheck));

    /// <summary>
    /// What `punch status` prints for each reported document, by path, without walking a single item:
    /// the per-document summaries the index keeps. <see cref="Documents"/> has the items themselves.
    /// </summary>
    public IReadOnlyList<DocumentSummary> Summaries => Guarded(() => Reported().Select(r => r.Summary).ToList());

    /// <summary>Trackers found, and any file named explicitly; by path. What `punch status` reports on.</summary>
    public IReadOnlyList<DocumentFacts> Documents => _documents ??= Guarded(LoadFacts);

    /// <summary>Items matching the query (all items when it is empty), ranked or in document order.</summary>
    /// <param name="offset">How many of the ordered matches to pass over first: a later page.</param>
    public SearchResults Search(Query query, int? limit = null, IReadOnlyList<Filter>? also = null, int offset = 0) => Guarded(() => SearchUnguarded(query, limit, also, offset));

    private SearchResults SearchUnguarded(Query query, int? limit, IReadOnlyList<Filter>? also, int offset)
    {
        var plan = SearchPlan.Of(query);
        if (also is { Count: > 0 })
        {
            var parts = new List<QueryNode>(also);
            if (plan.Filter is not null)
            {
                parts.Insert(0, plan.Filter);
            }

            plan = plan with { Filter = parts.Count == 1 ? parts[0] : new AllOf(parts, 0) };
        }

        return new SearchRunner(_database.Searching, () => _database.Sibling, ScopeTable(), DocumentsMatching, Narrowing).Run(plan, limit, offset);
    }

    /// <summary>How the query's matches divide by state, priority, owner, document and technology (the <paramref name="top"/> commonest of the last three), over at most <paramref name="limit"/> of them.</summary>
    public Facets Facets(Query query, int limit = 50_000, int top = 10) =>
        FacetQuery.Run(_database.Connection, SearchPlan.Of(query) with { Sort = SortOrder.Relevance }, ScopeTable(), DocumentsMatching, limit, top);

    /// <summary>
    /// The documents an address can resolve to, or that its error message would name, parsed fresh
    /// from disk: those whose path matches the document part, and those with an item whose key or ID
    /// matches or contains the key part. <see cref="Addresses.Resolve"/> on them answers as on the whole workspace.
    /// </summary>
    public Workspace DocumentsFor(string address) => Guarded(() => DocumentsForUnguarded(address));

    private Workspace DocumentsForUnguarded(string address)
    {
        int hash = address.LastIndexOf('#');
        string? documentPart = hash > 0 ? address[..hash].Replace('\\', '/').TrimStart('.', '/') : null;
        string key = hash >= 0 ? address[(hash + 1)..] : address;
        var ids = new HashSet<long>();
        if (documentPart is not null)
        {
            ids.UnionWith(_scope.Where(s => Addresses.Names(s.Path, documentPart, StringComparison.OrdinalIgnoreCase)).Select(s => s.Id));
        }

        // A superset in SQL (its lower() folds ASCII only), narrowed exactly by the resolver later.
        string sql = key.All(char.IsAscii)
            ? "SELECT DISTINCT doc_id FROM items WHERE instr(lower(key), lower($k)) > 0 OR lower(item_id) = lower($k) OR key GLOB '*[^ -~]*' OR item_id GLOB '*[^ -~]*'"
            : "SELECT DISTINCT doc_id FROM items";
        using (var command = _database.Connection.Command(sql, ("$k", key)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        return Load(_scope.Where(s => ids.Contains(s.Id)).Select(s => s.Path));
    }

    /// <summary>
    /// Another handle on the same index file and the same scanned files, with a connection of its own
    /// that only reads: for a host that answers queries on several threads while this one scans (a
    /// server). Null when the index lives in memory, where no other connection can see it.
    /// </summary>
    public IndexedWorkspace? OpenReader()
    {
        if (_database.Path is not { } path)
        {
            return null;
        }

        return new IndexedWorkspace(IndexDatabase.OpenReader(path), Root, Config, _scope, Counts, Warnings, InMemoryBecause)
        {
            RacyWindow = RacyWindow,
        };
    }

    /// <summary>Every item ID and document (plan) ID of the scanned files, as `punch check` collects them from the documents, both ignoring case.</summary>
    /// <summary>
    /// A hash of which documents hold which IDs (each document's row and the hash of its IDs): equal
    /// for two scans whose <see cref="Ids"/> are equal, so a server can keep the set it has instead of
    /// reading two million IDs again after an edit that changed none.
    /// </summary>
    public ulong IdsHash() => Guarded(() =>
    {
        var wanted = _scope.Select(s => s.Id).ToHashSet();
        ulong sum = 0;
        using var command = _database.Connection.Command("SELECT id, ids_hash FROM documents WHERE ids_hash != 0");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            long row = reader.GetInt64(0);
            if (wanted.Contains(row))
            {
                // Summed, so the order rows come in does not matter; each term mixes the row with its hash.
                sum += Mix((ulong)row * 0x9E3779B97F4A7C15UL ^ (ulong)reader.GetInt64(1));
            }
        }

        return sum;
    });

    // SplitMix64's finaliser: every input bit moves about half the output bits.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public (IReadOnlySet<string> Items, IReadOnlySet<string> Plans) Ids()
    {
        var wanted = _scope.Select(s => s.Id).ToHashSet();
        var items = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var plans = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var command = _database.Connection.Command("SELECT id, item_ids, plan_id FROM documents WHERE ids_hash != 0");
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

    /// <summary>How many items of the scanned files there are of each priority rank (null: none) and state, from the per-document counts the index keeps.</summary>
    public IReadOnlyList<(int? Priority, ItemState State, int Count)> CountsByPriorityAndState()
    {
        var wanted = _scope.Select(s => s.Id).ToHashSet();
        var sums = new Dictionary<(int?, ItemState), int>();
        using var command = _database.Connection.Command("SELECT doc_id, priority, state, n FROM item_counts");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (wanted.Contains(reader.GetInt64(0)))
            {
                var key = (reader.IsDBNull(1) ? (int?)null : reader.GetInt32(1), (ItemState)reader.GetInt32(2));
                sums[key] = sums.GetValueOrDefault(key) + reader.GetInt32(3);
            }
        }

        return [.. sums.Select(s => (s.Key.Item1, s.Key.Item2, s.Value)).OrderBy(s => s.Item1 ?? int.MaxValue).ThenBy(s => s.Item2)];
    }

    /// <summary>
    /// Every document <see cref="Summaries"/> reports on, parsed, in path order: for a command that needs
    /// the whole model besides the index's numbers (`punch report`'s findings and evidence). Those this
    /// scan parsed and kept (<see cref="IndexOptions.KeepDocuments"/>) are not read again, the others are
    /// read once, and <see cref="Checks"/> reuses them all: each file is read at most once per run.
    /// </summary>
    public Workspace Model() => Guarded(() =>
    {
        _model ??= Reported().AsParallel().AsOrdered()
            .Select(r => (r.Document.Path, Read: Kept.TryGetValue(r.Document.Path, out var kept) ? kept : ReadFromDisk(r.Document.Path)))
            .ToDictionary(r => r.Path, r => r.Read, StringComparer.Ordinal);
        return new Workspace
        {
            Root = Root,
            Config = Config,
            Documents = [.. _model.Values.Select(r => r.Document)],
            FilesFound = Counts.Found,
            FilesParsed = _model.Count,
            Warnings = [],
        };
    });

    /// <summary>
    /// <paramref name="document"/> as a workspace of its own, under this one's root and configuration:
    /// for the findings and evidence of one tracker without reading the others.
    /// </summary>
    public Workspace Only(TrackerDocument document) =>
        new() { Root = Root, Config = Config, Documents = [document], FilesFound = 1, FilesParsed = 1, Warnings = [] };

    /// <summary>Parses documents of the scope from disk (for commands that need the whole model).</summary>
    public Workspace Load(IEnumerable<string> paths)
    {
        var documents = paths.Order(StringComparer.Ordinal).Select(p => _reader.Value.Read(p, ReadFile(p))).ToList();
        return new Workspace
        {
            Root = Root,
            Config = Config,
            Documents = documents,
            FilesFound = documents.Count,
            FilesParsed = documents.Count,
            Warnings = [],
        };
    }

    private byte[] ReadFile(string path)
    {
        try
        {
            return FileBytes.Read(Path.Combine(Root, path), FileBytes.MaxTrackerBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PunchlistException($"{path}: cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Every item of one document, with its criteria, fields, body and technologies, as stored.</summary>
    internal List<ItemRecord> ReadItems(string path) => Guarded(() => ItemStore.ReadFull(_database.Connection, path));

    // A row that cannot be decoded means a damaged file: said as such, so that the host moves the file
    // aside and runs again on a rebuilt index (an index in memory was just built: its errors are bugs).
    private T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (_database.Path is { } file && e is not PunchlistException && IndexDamagedException.IsDamage(e))
        {
            throw new IndexDamagedException(file, e.Message, e);
        }
    }

    /// <summary>SQLite's own check of the file: "ok" when sound.</summary>
    internal string Integrity() => _database.Connection.Scalar<string>("PRAGMA integrity_check");

    public void Dispose() => _database.Dispose();

    internal const string SummariesSql = "SELECT id, path, title, tracker, ids_hash, summary FROM documents WHERE summary IS NOT NULL";

    // The documents status reports on (trackers, and files named explicitly), read once per run.
    private List<(StatusDocument Document, DocumentSummary Summary)> Reported()
    {
        if (_reported is not null)
        {
            return _reported;
        }

        var wanted = _scope.ToDictionary(s => s.Id, s => s.Explicit);
        var reported = new List<(StatusDocument, DocumentSummary)>();
        using var command = _database.Connection.Command(SummariesSql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (wanted.TryGetValue(reader.GetInt64(0), out bool named) && (named || reader.GetBoolean(3)))
            {
                // GetValue, not GetBytes into a buffer: GetBytes reads a blob through SQLite's incremental
                // I/O on the table row, past the covering index (measured: summaries 60 -> 240 ms).
                string path = reader.GetString(1);
                reported.Add((new StatusDocument(reader.GetInt64(0), path, reader.GetInt64(4)),
                    SummaryCodec.Decode(path, reader.StringOrNull(2), (byte[])reader.GetValue(5))));
            }
        }

        reported.Sort((a, b) => string.CompareOrdinal(a.Item1.Path, b.Item1.Path));
        return _reported = reported;
    }

    private ReadDocument ReadForCheck(StatusDocument document)
    {
        if (Kept.TryGetValue(document.Path, out var kept))
        {
            return kept;
        }

        return _model is not null && _model.TryGetValue(document.Path, out var read) ? read : ReadFromDisk(document.Path);
    }

    private ReadDocument ReadFromDisk(string path)
    {
        byte[] bytes = ReadFile(path);
        return new ReadDocument(_reader.Value.Read(path, bytes), System.Security.Cryptography.SHA256.HashData(bytes), FromDisk: true);
    }

    private List<DocumentFacts> LoadFacts()
    {
        var wanted = _scope.ToDictionary(s => s.Id, s => s.Explicit);
        var facts = new List<DocumentFacts>();
        using var command = _database.Connection.Command("SELECT id, path, title, tracker, facts FROM documents WHERE facts IS NOT NULL");
        using var reader = command.ExecuteReader();
        byte[] blob = [];
        while (reader.Read())
        {
            if (wanted.TryGetValue(reader.GetInt64(0), out bool named) && (named || reader.GetBoolean(3)))
            {
                // One buffer for every blob: a million items' facts should not mean ten thousand arrays.
                int length = (int)reader.GetBytes(4, 0, null, 0, 0);
                if (blob.Length < length)
                {
                    blob = new byte[Math.Max(length, blob.Length * 2)];
                }

                reader.GetBytes(4, 0, blob, 0, length);
                facts.Add(FactsCodec.Decode(reader.GetString(1), reader.StringOrNull(2), blob.AsSpan(0, length)));
            }
        }

        facts.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return facts;
    }

    // Queries see only the scanned files: a temporary table of their ids, unless they are all there is.
    private string? ScopeTable()
    {
        if (_scopeReady)
        {
            return _scopeTable;
        }

        _scopeReady = true;
        long indexed = _database.Connection.Scalar<long>("SELECT count(*) FROM documents");
        if (indexed == _scope.Count)
        {
            return null;
        }

        _database.Connection.Execute("CREATE TEMP TABLE IF NOT EXISTS scope(id INTEGER PRIMARY KEY); DELETE FROM temp.scope");
        using var insert = _database.Connection.Command("INSERT INTO temp.scope(id) VALUES ($id)", ("$id", 0L));
        foreach (var (_, id, _) in _scope)
        {
            insert.Parameters["$id"].Value = id;
            insert.ExecuteNonQuery();
        }

        return _scopeTable = "temp.scope";
    }

    private IEnumerable<long> DocumentsMatching(DocFilter filter) => _scope.Where(s => filter.Matches(s.Path)).Select(s => s.Id);
}
