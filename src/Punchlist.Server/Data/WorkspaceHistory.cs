using System.Diagnostics;
using Punchlist.Analysis.Policies;
using Punchlist.Json;
using Punchlist.Server.Operations;
using Punchlist.Storage;
using Punchlist.Storage.History;
using Punchlist.Workspaces;

namespace Punchlist.Server.Data;

/// <summary>
/// The workspace's past from git, as `punch history` reads it (Storage's history index, Core's
/// burn-up, flow and forecast, Punchlist.Json's report): the overview's burn-up, the item pages'
/// timelines and `/api/v1/history`. Reading a long history the first time takes seconds, so it is
/// read in the background: pages say so meanwhile, the API waits for it. It is read again only when
/// the checked-out commit moves (looked at, from .git without starting git, at most once every
/// <see cref="LookEvery"/>) or the day changes.
/// </summary>
public sealed class WorkspaceHistory(IndexStore store, ILogger<WorkspaceHistory> log) : IHostedService, IDisposable
{
    /// <summary>How often a request may look whether HEAD moved: two small file reads, not per request under load.</summary>
    private static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private HistoryView? _view;
    private Task<HistoryView>? _reading;
    private long _lookedAt;
    private bool _disposed;

    /// <summary>At start, the first read begins: the overview has its burn-up by the time someone opens it.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Look();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The latest history read, or null while the first read is under way (it is started if need be).</summary>
    public HistoryView? Current
    {
        get
        {
            Look();
            return Volatile.Read(ref _view);
        }
    }

    /// <summary>The current history, waiting for a read under way.</summary>
    public Task<HistoryView> ReadAsync()
    {
        Look();
        lock (_gate)
        {
            return _reading is { IsCompleted: false } reading ? reading : Task.FromResult(_view ?? throw new InvalidOperationException("no history read"));
        }
    }

    // Starts a read when there is none yet, HEAD moved or the day changed; at most once per LookEvery.
    private void Look()
    {
        long now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lookedAt), now) < LookEvery && _view is not null)
        {
            return;
        }

        lock (_gate)
        {
            if ((_view is not null && Stopwatch.GetElapsedTime(_lookedAt, now) < LookEvery) || _reading is { IsCompleted: false } || _disposed)
            {
                return;
            }

            Interlocked.Exchange(ref _lookedAt, now);
            string? head = GitHead.Of(store.Root);
            var today = store.Today;
            if (_view is { } view && view.Head == head && view.Today == today)
            {
                return;
            }

            var previous = _view;
            _reading = Task.Run(() => Read(previous, head, today));
        }
    }

    private HistoryView Read(HistoryView? previous, string? head, DateOnly today)
    {
        HistoryView view;
        try
        {
            var started = Stopwatch.GetTimestamp();
            var index = previous is { Index: { } open } && previous.Head == head
                ? open // the same commit, another day: the same history, reported again
                : HistoryIndex.Open(store.Root, ConfigLoader.Load(store.Root), new IndexOptions { InMemory = store.InMemory });
            view = new HistoryView(index, head, today, Scope());
            _ = view.Report(); // the overview's report, built here rather than by the first request that shows it
            if (index.State == HistoryState.Ready && index.Read is { } read && !ReferenceEquals(index, previous?.Index))
            {
                Log.HistoryRead(log, head ?? "?", read.Commits, read.Parsed, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else if (index.State != HistoryState.Ready)
            {
                Log.NoHistory(log, index.Reason ?? index.State.ToString());
            }
        }
        catch (Exception e) when (e is PunchlistException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // History that cannot be read (a partial clone, a locked index): said on the page, the rest still served.
            Log.HistoryFailed(log, e.Message, e);
            view = new HistoryView(null, head, today, Scope(), e.Message);
        }

        lock (_gate)
        {
            Volatile.Write(ref _view, view);
        }

        if (previous?.Index is { } old && !ReferenceEquals(old, view.Index))
        {
            // Requests that began with it are long done by then.
            _ = Task.Delay(TimeSpan.FromMinutes(1)).ContinueWith(_ => previous.Dispose(), TaskScheduler.Default);
        }

        return view;
    }

    // The folder served, when it is below the workspace's root: the history of its trackers only, as `punch history FOLDER`.
    private List<string> Scope()
    {
        string relative = Discovery.Relative(store.Root, store.Workspace);
        return relative == "." ? [] : [relative];
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _view?.Dispose();
        }
    }
}

/// <summary>
/// One read of the history: the index at one commit, and its report as of one day. The index's
/// connection serves one reader at a time.
/// </summary>
public sealed class HistoryView : IDisposable
{
    private readonly Lock _lock = new();
    private readonly IReadOnlyList<string> _scope;
    private HistoryJson? _report;

    internal HistoryView(HistoryIndex? index, string? head, DateOnly today, IReadOnlyList<string> scope, string? failure = null)
    {
        Index = index;
        Head = head;
        Today = today;
        _scope = scope;
        Reason = failure ?? index?.Reason;
    }

    internal HistoryIndex? Index { get; }

    /// <summary>The commit read (null outside a repository).</summary>
    public string? Head { get; }

    public DateOnly Today { get; }

    public bool Available => Index is { State: HistoryState.Ready };

    /// <summary>Why there is no history, in one line; null when there is.</summary>
    public string? Reason { get; }

    /// <summary>A strong ETag of what any report of this view answers: the commit and the day.</summary>
    public string ETag => $"\"h-{Head ?? "none"}-{Today.DayNumber}\"";

    /// <summary>Everything, by week, up to today: `punch history --json`.</summary>
    public HistoryJson Report() => _report ??= Report(HistoryRequest.Default(Today) with { Paths = _scope, Selection = Selection(_scope) });

    /// <summary>A selection's report (`punch history --json [PATH…] [QUERY] [--interval …]`).</summary>
    public HistoryJson Report(HistoryRequest request)
    {
        if (!Available)
        {
            return HistoryReport.Unavailable(Today, Reason);
        }

        lock (_lock)
        {
            return HistoryReport.Build(Index!.Reader, request, Today);
        }
    }

    /// <summary>The documents and folders of the served folder, or of <paramref name="paths"/> within it.</summary>
    public IReadOnlyList<string> Within(IReadOnlyList<string> paths) => paths.Count > 0 ? paths : _scope;

    /// <summary>One item's timeline (`punch history ADDRESS --json`); null when the history has no such item.</summary>
    /// <exception cref="PunchlistException">The address names several items, or one that appeared after <paramref name="until"/>.</exception>
    public HistoryJson? Timeline(string address, DateOnly until)
    {
        if (!Available)
        {
            return HistoryReport.Unavailable(Today, Reason);
        }

        lock (_lock)
        {
            var reader = Index!.Reader;
            return reader.Find(address).Count == 0 ? null : HistoryReport.Item(reader, address, until, Today);
        }
    }

    private static Punchlist.History.HistorySelection Selection(IReadOnlyList<string> scope) =>
        scope.Count == 0 ? Punchlist.History.HistorySelection.All : Punchlist.History.HistorySelection.Of(Search.Query.Parse(string.Empty, new Search.QueryContext(DateOnly.MinValue)), scope);

    public void Dispose()
    {
        lock (_lock)
        {
            Index?.Dispose();
        }
    }
}
