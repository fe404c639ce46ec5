using System.Collections.Concurrent;
using Punchlist.Json;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Team;

/// <summary>
/// The organisation overview of every repository, built once per instance and kept until a push
/// (any instance's, heard through <see cref="TeamFeed"/>; this instance's own at once) or the day
/// changes: at a thousand repositories, building it for each request cost seconds (docs/BENCHMARKS.md §7).
/// One rebuild runs at a time; a request arriving meanwhile gets the previous overview (only the
/// first request, and the first after the day changes, wait, since there is no overview of today
/// yet). Each page of it, as JSON or as the organisation page, is rendered and compressed once per
/// rebuild, when first asked for (<see cref="Snapshot.PageAnswerAsync"/>), and then served as bytes; a request
/// limited to one repository never reads this cache (<see cref="TeamApi.OverviewUncached"/> builds its
/// repository's view directly), so nothing of another repository can leak through it.
/// </summary>
internal sealed class OverviewCache
{
    private readonly TeamStore _store;
    private readonly TeamClock _clock;
    private readonly TeamMetrics _metrics;
    private readonly Lock _lock = new();
    private long _generation;
    private Snapshot? _current;
    private Task<Snapshot>? _rebuild;

    public OverviewCache(TeamStore store, TeamClock clock, TeamFeed feed, TeamMetrics metrics)
    {
        _store = store;
        _clock = clock;
        _metrics = metrics;
        feed.Pushed += _ => Invalidate();
    }

    /// <summary>
    /// One build: every repository's totals summed, the repositories by readiness, the attention list and
    /// the burn-up, on <see cref="Today"/>; and the pages rendered from it so far.
    /// </summary>
    /// <param name="Generation">The count of pushes heard when the build started: a later push makes it stale.</param>
    public sealed record Snapshot(long Generation, DateOnly Today, TotalsJson Totals, IReadOnlyList<RepositoryJson> Repositories, IReadOnlyList<AttentionJson> Attention, TeamHistoryJson History)
    {
        private readonly ConcurrentDictionary<(string Kind, int Page), Lazy<Task<RenderedAnswer>>> _answers = new();

        /// <summary>Page <paramref name="page"/> of the overview, its links made by <paramref name="link"/>; null when there is no such page.</summary>
        private OverviewJson? Page(int page, Func<int, string> link) => TeamMapping.Overview(Today, Totals, Repositories, Attention, page, OverviewPages.Size, link);

        /// <summary>
        /// Page <paramref name="page"/>'s answer of one kind, rendered by <paramref name="render"/> from the
        /// page the first time it is asked for; null when there is no such page. A read of a page already
        /// rendered maps nothing.
        /// </summary>
        public async Task<RenderedAnswer?> PageAnswerAsync(string kind, int page, Func<int, string> link, Func<OverviewJson, Task<RenderedAnswer>> render) =>
            page >= 1 && page <= TeamMapping.PageCount(Repositories.Count, OverviewPages.Size)
                ? await AnswerAsync(kind, page, () => render(Page(page, link)!))
                : null;

        /// <summary>
        /// The answer of one kind (JSON, page) for one page, rendered once by <paramref name="render"/>
        /// however many requests ask at once. Only pages that exist reach here, so what is kept is bounded.
        /// </summary>
        private Task<RenderedAnswer> AnswerAsync(string kind, int page, Func<Task<RenderedAnswer>> render) =>
            _answers.GetOrAdd((kind, page), _ => new Lazy<Task<RenderedAnswer>>(render)).Value;
    }

    /// <summary>How many pushes this instance has heard of (its own and, through LISTEN, every other instance's).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Marks the overview stale: the next request starts a rebuild.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>The current overview; a stale one of today while the rebuild it starts runs.</summary>
    public async Task<Snapshot> GetAsync(CancellationToken cancel)
    {
        var today = _clock.Today;
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Today == today && current.Generation == Interlocked.Read(ref _generation))
        {
            return current;
        }

        var rebuild = Rebuild();
        if (current is not null && current.Today == today)
        {
            return current;
        }

        return await rebuild.WaitAsync(cancel);
    }

    /// <summary>
    /// Marks the overview stale and waits for a build that started after: this instance's own push then
    /// shows in the next read (a push costs one rebuild more; readers meanwhile see the previous overview).
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancel)
    {
        long wanted = Interlocked.Increment(ref _generation);

        // Bounded: once the build running now (started before the push) ends, the next one starts after it.
        for (int attempt = 0; attempt < 3; attempt++)
        {
            if ((await Rebuild().WaitAsync(cancel)).Generation >= wanted)
            {
                return;
            }
        }
    }

    private Task<Snapshot> Rebuild()
    {
        lock (_lock)
        {
            return _rebuild ??= Task.Run(BuildAndKeepAsync);
        }
    }

    private async Task<Snapshot> BuildAndKeepAsync()
    {
        try
        {
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            var built = await BuildAsync(_store, _clock.Today, Interlocked.Read(ref _generation), CancellationToken.None);
            _metrics.OverviewBuilt(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            Volatile.Write(ref _current, built);
            return built;
        }
        finally
        {
            lock (_lock)
            {
                _rebuild = null;
            }
        }
    }

    /// <summary>The overview of every repository as an uncached request would map it.</summary>
    internal static async Task<Snapshot> BuildAsync(TeamStore store, DateOnly today, long generation, CancellationToken cancel)
    {
        var heads = await store.Reader.SummariesAsync(cancel);
        var attention = await store.Reader.AttentionAsync(today, null, cancel: cancel);
        var repositories = heads.Select(TeamApi.Repository).ToList();
        var history = await TeamApi.HistoryAsync(scope: null, store, null, today, cancel);
        return new Snapshot(generation, today, TeamMapping.Sum(repositories.Select(r => r.Totals)), TeamMapping.ByReadiness(repositories), attention, history);
    }
}
