using System.Diagnostics;
using Microsoft.Extensions.Options;
using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Evidence;
using Punchlist.Model;
using Punchlist.Search;
using Punchlist.Server.Operations;
using Punchlist.Storage;
using Punchlist.Storage.History;
using Punchlist.Storage.Queries;
using Punchlist.Workspaces;

namespace Punchlist.Server.Data;

/// <summary>
/// The workspace served from its embedded index (`.punchlist/index.db`), the one the CLI keeps: each
/// refresh is the index's own incremental scan, followed by the check counts `punch status` prints;
/// queries read through a pool of connections to the same file; items and trackers are parsed fresh
/// from disk, as `punch show` parses them.
/// </summary>
public sealed class IndexStore : IWorkspaceStore, IDisposable
{
    private readonly ServerOptions _options;
    private readonly ILogger<IndexStore> _log;
    private readonly TimeProvider _clock;
    private readonly ReaderPool _readers = new(Math.Max(2, Environment.ProcessorCount * 2));
    private readonly Lock _refreshing = new();
    private readonly string _root;
    private WorkspaceSnapshot? _current;
    private WorkspaceAnalysis _analysis = WorkspaceAnalysis.None;
    private CheckedWorkspace? _checked;

    // The trackers each scan changed, with the last snapshot that changed them, until a check has read them.
    private readonly Dictionary<string, long> _unchecked = new(StringComparer.Ordinal);
    private ScanContext? _context;

    public IndexStore(IOptions<ServerOptions> options, ILogger<IndexStore> log, TimeProvider clock)
    {
        _options = options.Value;
        _log = log;
        _clock = clock;
        string workspace = Path.GetFullPath(_options.Workspace);
        if (!Directory.Exists(workspace))
        {
            throw new PunchlistException($"no folder '{_options.Workspace}' to serve");
        }

        _root = WorkspaceLoader.Locate([workspace]).Root;
        Workspace = workspace;
    }

    /// <summary>The folder served (the root of the workspace it is in, or a folder below it).</summary>
    public string Workspace { get; }

    /// <summary>The root of the workspace served: where its punchlist.yml and index are.</summary>
    public string Root => _root;

    /// <summary>Whether the index is kept in memory (`--no-index`): nothing is written under the workspace.</summary>
    public bool InMemory => _options.NoIndex;

    public WorkspaceSnapshot? Current => Volatile.Read(ref _current);

    public WorkspaceAnalysis Analysis => Volatile.Read(ref _analysis);

    public event Action<StoreEvent>? Changed;

    /// <summary>Today as the server judges it: the configured day, else the local date now.</summary>
    public DateOnly Today => _options.Today ?? DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);

    public WorkspaceSnapshot Refresh(IReadOnlyCollection<string>? hint = null, CancellationToken cancel = default)
    {
        lock (_refreshing)
        {
            var started = Stopwatch.GetTimestamp();
            var today = Today;
            var scan = WorkspaceIndex.Scan([Workspace], new IndexOptions
            {
                InMemory = _options.NoIndex,
                Warn = w => Log.Warning(_log, w),
                Cancel = cancel,
            });
            try
            {
                var checks = scan.Checks(today);
                var summaries = scan.Summaries;
                var last = _current;
                var changed = ChangedSince(last, summaries, scan.Reparsed);
                if (last is not null && changed.Count == 0 && last.Today == today && SameChecks(last, checks.ByPath))
                {
                    scan.Dispose();
                    return last;
                }

                // Every item ID of the workspace (millions in a large one) is read again only when some
                // document's IDs changed: an edit that adds a criterion keeps the set the last scan read.
                ulong idsHash = scan.IdsHash();
                var ids = last is not null && last.IdsHash == idsHash ? last.Ids : Facts(scan.Ids());
                var snapshot = new WorkspaceSnapshot
                {
                    Version = (last?.Version ?? 0) + 1,
                    Name = Path.GetFileName(Workspace.TrimEnd(Path.DirectorySeparatorChar)),
                    Today = today,
                    ScannedAt = _clock.GetUtcNow(),
                    ScanDuration = Stopwatch.GetElapsedTime(started),
                    Documents = summaries,
                    Checks = checks.ByPath,
                    Ids = ids,
                    IdsHash = idsHash,
                    ByPriorityAndState = scan.CountsByPriorityAndState(),
                    Counts = scan.Counts,
                    Warnings = [.. scan.Warnings, .. checks.Warnings],
                    Changed = changed,
                };
                _readers.Replace(scan);
                var previous = Interlocked.Exchange(ref _context, new ScanContext(_root, scan.Config, today, new IndexOptions { InMemory = _options.NoIndex }));
                if (previous is not null)
                {
                    // Requests that began with it are long done by then.
                    _ = Task.Delay(TimeSpan.FromMinutes(1)).ContinueWith(_ => previous.Dispose(), TaskScheduler.Default);
                }

                // To be checked again: the trackers whose text changed, and those whose check counts did
                // though their text did not (the repository's evidence or the SLA clock moved under them).
                lock (_unchecked)
                {
                    foreach (string path in changed.Concat(checks.ByPath.Where(c => last?.ChecksOf(c.Key) != c.Value).Select(c => c.Key)))
                    {
                        _unchecked[path] = snapshot.Version;
                    }
                }

                Volatile.Write(ref _current, snapshot);
                Log.Scanned(_log, snapshot.Version, summaries.Count, scan.Counts.Parsed, snapshot.ScanDuration.TotalMilliseconds);
                Changed?.Invoke(new StoreEvent(StoreEvent.Scan, snapshot.Version, changed));
                return snapshot;
            }
            catch
            {
                scan.Dispose();
                throw;
            }
        }
    }

    private static WorkspaceFacts Facts((IReadOnlySet<string> Items, IReadOnlySet<string> Plans) ids) => new(() => ids.Items, () => ids.Plans);

    // The trackers whose content this scan read anew, and those it no longer found; every one on the first scan.
    private static List<string> ChangedSince(WorkspaceSnapshot? previous, IReadOnlyList<Analysis.DocumentSummary> now, IReadOnlyList<string> reparsed)
    {
        if (previous is null)
        {
            return [.. now.Select(d => d.Path)];
        }

        var paths = now.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        var changed = reparsed.Where(p => paths.Contains(p) || previous.Document(p) is not null)
            .Concat(previous.Documents.Select(d => d.Path).Where(p => !paths.Contains(p)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return changed;
    }

    private static bool SameChecks(WorkspaceSnapshot previous, IReadOnlyDictionary<string, CheckCounts> checks) =>
        checks.All(c => previous.ChecksOf(c.Key) == c.Value);

    public QueryContext QueryContext(DateOnly today) => new(today, Context.Config.HoursPerDay);

    public Task<SearchResults> SearchAsync(Query query, int offset, int limit, CancellationToken cancel = default) =>
        _readers.ReadAsync(index => index.Search(query, limit, offset: offset), cancel);

    public Task<Facets> FacetsAsync(Query query, CancellationToken cancel = default) => _readers.ReadAsync(index => index.Facets(query), cancel);

    public ItemView Item(string address)
    {
        AddressRules.Check(address);
        var snapshot = Current ?? throw new InvalidOperationException("no scan has finished yet");
        var workspace = _readers.Read(index => index.DocumentsFor(address));
        (TrackerDocument Document, Item Item) found;
        try
        {
            found = Addresses.Resolve(workspace, address);
        }
        catch (PunchlistException e)
        {
            throw new AddressException(e.Message, malformed: false);
        }

        var context = Context;
        var findings = Check(found.Document, snapshot, context).Where(f => f.Item == found.Item.Key).ToList();
        return new ItemView(found.Document, found.Item, ETagOf(found.Document), findings, context.Evidence.For(found.Document, found.Item), snapshot.Today);
    }

    public DocumentView? Document(string path)
    {
        var snapshot = Current ?? throw new InvalidOperationException("no scan has finished yet");
        if (snapshot.Document(path) is not { } summary)
        {
            return null;
        }

        TrackerDocument document;
        try
        {
            document = _readers.Read(index => index.Load([path])).Documents[0];
        }
        catch (PunchlistException)
        {
            return null; // removed since the scan; the next one drops it
        }

        var context = Context;
        return new DocumentView(document, summary, snapshot.ChecksOf(path), Check(document, snapshot, context), ETagOf(document), snapshot.Today,
            DocumentRecord.Of(document, context.Config.Check).ReviewDue);
    }

    public WriteOutcome Write(ItemWrite write, string ifMatch)
    {
        var item = Item(write.Address);
        var outcome = ItemWriter.Write(item, write, ifMatch, Path.Combine(_root, item.Document.Path), Context);
        if (outcome.Changed)
        {
            Log.Written(_log, outcome.Address, write.Criterion, write.Done);
            // The watcher would see the new file too; refreshing now makes the write visible at once.
            Refresh([item.Document.Path]);
        }

        return outcome;
    }

    /// <summary>
    /// Checks the trackers of the current snapshot (in batches, so only a batch is parsed at once);
    /// called in the background. A tracker's findings depend on its own text, the workspace's IDs and
    /// the day: when the last check was of the same IDs and day, only the trackers this scan read anew
    /// are checked again (an edit in a workspace of ten thousand trackers checks one, not all).
    /// </summary>
    public WorkspaceAnalysis Analyse(CancellationToken cancel)
    {
        var snapshot = Current ?? throw new InvalidOperationException("no scan has finished yet");
        var context = Context;
        var started = Stopwatch.GetTimestamp();
        var last = Volatile.Read(ref _checked);
        bool incremental = last is not null && ReferenceEquals(last.Ids, snapshot.Ids) && last.Today == snapshot.Today;
        // Every tracker changed since the last finished check: a check cancelled by a newer scan left its own changes here too.
        HashSet<string>? changed = null;
        if (incremental)
        {
            lock (_unchecked)
            {
                changed = [.. _unchecked.Keys];
            }
        }

        var parts = new Dictionary<string, CheckedDocument>(StringComparer.Ordinal);
        var toCheck = new List<string>();
        foreach (var document in snapshot.Documents)
        {
            if (changed is not null && !changed.Contains(document.Path) && last!.Parts.TryGetValue(document.Path, out var kept))
            {
                parts[document.Path] = kept;
            }
            else
            {
                toCheck.Add(document.Path);
            }
        }

        foreach (var batch in toCheck.Chunk(64))
        {
            cancel.ThrowIfCancellationRequested();
            var documents = _readers.Read(index => LoadPresent(index, batch));
            var checks = new FindingEngine(FindingRules.Default).CheckEach(documents, snapshot.Ids, _root, snapshot.Today, context.Config.Check, context.Clock, context.Evidence);
            for (int i = 0; i < documents.Count; i++)
            {
                var document = documents[i];
                var contradicted = new List<ContradictedItem>();
                foreach (var item in document.Items.Where(i => i.State == ItemState.Done))
                {
                    var evidence = context.Evidence.For(document, item);
                    if (evidence.Verdict == Verdict.Contradicted)
                    {
                        contradicted.Add(new ContradictedItem(Workspaces.Workspace.Address(document, item), item.Title, item.Owner,
                            evidence.Failing.FirstOrDefault()?.Detail ?? "the repository's evidence says otherwise"));
                    }
                }

                parts[document.Path] = new CheckedDocument(checks[i].Findings, contradicted);
            }
        }

        // In the snapshot's order of trackers, as a check of all of them lists them.
        var ordered = snapshot.Documents.Select(d => parts.GetValueOrDefault(d.Path)).OfType<CheckedDocument>().ToList();
        var analysis = new WorkspaceAnalysis(snapshot.Version, snapshot.Today, [.. ordered.SelectMany(p => p.Findings)], [.. ordered.SelectMany(p => p.Contradicted)],
            Stopwatch.GetElapsedTime(started));
        Volatile.Write(ref _checked, new CheckedWorkspace(snapshot.Ids, snapshot.Today, parts));
        lock (_unchecked)
        {
            foreach (var (path, version) in _unchecked.ToList())
            {
                if (version <= snapshot.Version)
                {
                    _unchecked.Remove(path);
                }
            }
        }

        Volatile.Write(ref _analysis, analysis);
        Log.Analysed(_log, snapshot.Version, analysis.Findings.Count, analysis.Duration.TotalMilliseconds);
        Changed?.Invoke(new StoreEvent(StoreEvent.Analysis, snapshot.Version, []));
        return analysis;
    }

    // What the last finished check found in each tracker, and what it was checked against.
    private sealed record CheckedWorkspace(WorkspaceFacts Ids, DateOnly Today, IReadOnlyDictionary<string, CheckedDocument> Parts);

    private sealed record CheckedDocument(IReadOnlyList<Finding> Findings, IReadOnlyList<ContradictedItem> Contradicted);

    // Documents that vanished since the scan are left out: the next scan drops them.
    private static List<TrackerDocument> LoadPresent(IndexedWorkspace index, IEnumerable<string> paths)
    {
        var documents = new List<TrackerDocument>();
        foreach (string path in paths)
        {
            try
            {
                documents.AddRange(index.Load([path]).Documents);
            }
            catch (PunchlistException)
            {
            }
        }

        return documents;
    }

    // One document checked as the whole workspace would check it: the workspace's IDs, today, its evidence.
    private IReadOnlyList<Finding> Check(TrackerDocument document, WorkspaceSnapshot snapshot, ScanContext context) =>
        new FindingEngine(FindingRules.Default).CheckEach([document], snapshot.Ids, _root, snapshot.Today, context.Config.Check, context.Clock, context.Evidence)[0].Findings;

    private ScanContext Context => Volatile.Read(ref _context) ?? throw new InvalidOperationException("no scan has finished yet");

    public static string ETagOf(TrackerDocument document) => $"\"{document.Source.ContentHash}\"";

    public void Dispose()
    {
        _readers.Dispose();
        _context?.Dispose();
    }

    /// <summary>What checks and evidence of one scan share: the configuration, the SLA clock and the repository's evidence, each made once.</summary>
    internal sealed class ScanContext(string root, PunchlistConfig config, DateOnly today, IndexOptions index) : IDisposable
    {
        private readonly Lazy<WorkspaceEvidence> _evidence = new(() => new WorkspaceEvidence(root, new EvidenceOptions { Probes = config.Probes }));

        // The SLA and staleness clocks from the history the index keeps (read from git on the first question).
        private readonly Lazy<HistoryClock> _clock = new(() => HistoryClock.Open(root, config, index));

        public string Root => root;

        public PunchlistConfig Config => config;

        public DateOnly Today => today;

        public WorkspaceEvidence Evidence => _evidence.Value;

        public ICreationClock Clock => _clock.Value;

        public void Dispose()
        {
            if (_clock.IsValueCreated)
            {
                _clock.Value.Dispose();
            }
        }
    }
}
