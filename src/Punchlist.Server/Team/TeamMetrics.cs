using Prometheus;
using Punchlist.Server.Operations;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Team;

/// <summary>
/// `/metrics` in team mode: the heads' items by repository, derived state and priority, and the
/// repositories, read from PostgreSQL when scraped (so every instance reports the same, never behind);
/// the pushes this instance took, by outcome, and their durations as a histogram (per instance:
/// Prometheus sums them over the instances); HTTP requests and the process, as in single-repository
/// mode. One series per repository, state and priority that has items: a thousand repositories give at
/// most 25,000. Only a request that reads every repository may scrape (a repository's token gets 404).
/// </summary>
public sealed class TeamMetrics : IDisposable
{
    private readonly TeamStore _store;
    private readonly IDisposable _meters;
    private readonly Gauge _items;
    private readonly Gauge _repositories;
    private readonly Counter _pushes;
    private readonly Histogram _pushSeconds;
    private readonly Histogram _overviewSeconds;
    private readonly Lock _lock = new();
    private HashSet<(string, string, string)> _itemSeries = [];

    public TeamMetrics(TeamStore store)
    {
        _store = store;
        (Registry, var factory, _meters) = MetricsEndpoints.NewRegistry();
        _items = factory.CreateGauge("punchlist_team_items", "Items of each repository's head by derived state and priority (P0..P3, or none).", "repository", "state", "priority");
        _repositories = factory.CreateGauge("punchlist_team_repositories", "Repositories with a pushed head.");
        _pushes = factory.CreateCounter("punchlist_team_pushes_total",
            "Pushes this instance answered, by outcome: head (stored, now its repository's head), stored (an older commit), repeated (a commit already stored), refused (401, 403, 400, 413).", "outcome");
        _pushSeconds = factory.CreateHistogram("punchlist_team_push_duration_seconds", "How long storing a push took, from its first byte read to its answer, for the pushes stored or repeated.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 14) });
        _overviewSeconds = factory.CreateHistogram("punchlist_team_overview_build_duration_seconds",
            "How long each build of this instance's overview took (one after every push it hears, when next read): its count is how often readers wait for, or are slowed by, a build.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.01, 2, 12) });
        foreach (string outcome in (string[])["head", "stored", "repeated", "refused"])
        {
            _pushes.WithLabels(outcome);
        }

        Registry.AddBeforeCollectCallback(CollectAsync);
    }

    public CollectorRegistry Registry { get; }

    public void Dispose() => _meters.Dispose();

    /// <summary>Counts one push answered, and times it when it was taken.</summary>
    public void Pushed(string outcome, TimeSpan? took = null)
    {
        _pushes.WithLabels(outcome).Inc();
        if (took is { } duration)
        {
            _pushSeconds.Observe(duration.TotalSeconds);
        }
    }

    /// <summary>Times one build of the organisation overview.</summary>
    public void OverviewBuilt(TimeSpan took) => _overviewSeconds.Observe(took.TotalSeconds);

    private async Task CollectAsync(CancellationToken cancel)
    {
        var counts = await _store.Reader.ItemCountsAsync(cancel);
        lock (_lock)
        {
            var now = counts.Select(c => (c.Repository, c.State, c.Priority)).ToHashSet();
            foreach (var (repository, state, priority) in _itemSeries.Where(s => !now.Contains(s)))
            {
                _items.RemoveLabelled(repository, state, priority);
            }

            foreach (var c in counts)
            {
                _items.WithLabels(c.Repository, c.State, c.Priority).Set(c.Count);
            }

            _itemSeries = now;
            _repositories.Set(counts.Select(c => c.Repository).Distinct(StringComparer.Ordinal).Count());
        }
    }
}

internal static class TeamMetricsEndpoints
{
    /// <summary>Requests counted and timed into the team registry; `/metrics` only for a request that reads every repository.</summary>
    public static IApplicationBuilder UseTeamRequestMetrics(this WebApplication app)
    {
        var registry = app.Services.GetRequiredService<TeamMetrics>().Registry;
        app.Use(async (context, next) =>
        {
            if (context.Request.Path == "/metrics" && !TeamAccess.SeesAll(context))
            {
                await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "Metrics describe every repository: scrape with the server's read token.").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app.UseRequestMetrics(registry);
    }

    public static IEndpointRouteBuilder MapTeamMetrics(this WebApplication app) => app.MapRegistry(app.Services.GetRequiredService<TeamMetrics>().Registry);
}
