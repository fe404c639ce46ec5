using Microsoft.Extensions.Options;
using Prometheus;
using Punchlist.Analysis;
using Punchlist.Model;
using Punchlist.Server.Data;

namespace Punchlist.Server.Operations;

/// <summary>
/// `/metrics`: the workspace in Prometheus' terms — items by state and priority, per tracker by state
/// (the first <see cref="ServerOptions.MetricsTrackers"/> trackers), findings by code and severity,
/// scan and check durations as histograms, the time of the last scan — read from the store when
/// scraped, so they are never behind it; HTTP requests (prometheus-net's middleware and ASP.NET Core's
/// own meters); the process. One registry per server, so that two servers in a process never mix.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    private readonly IWorkspaceStore _store;
    private readonly int _maxTrackers;
    private readonly IDisposable _meters;
    private readonly Gauge _items;
    private readonly Gauge _trackerItems;
    private readonly Gauge _trackers;
    private readonly Gauge _findings;
    private readonly Gauge _overdue;
    private readonly Histogram _scanSeconds;
    private readonly Histogram _checkSeconds;
    private readonly Gauge _lastScan;
    private readonly Gauge _version;
    private HashSet<string> _trackerSeries = [];
    private HashSet<(string, string)> _findingSeries = [];
    private long _observedScan;
    private long _observedCheck;

    public ServerMetrics(IWorkspaceStore store, IOptions<ServerOptions> options)
    {
        _store = store;
        _maxTrackers = options.Value.MetricsTrackers;
        (Registry, var factory, _meters) = MetricsEndpoints.NewRegistry();
        _items = factory.CreateGauge("punchlist_items", "Items by derived state and priority (P0..P3, or none), over every tracker.", "state", "priority");
        _trackerItems = factory.CreateGauge("punchlist_tracker_items", "Items of one tracker by derived state (only the first trackers by path get series: see the server's MetricsTrackers).", "tracker", "state");
        _trackers = factory.CreateGauge("punchlist_trackers", "Trackers in the workspace.");
        _findings = factory.CreateGauge("punchlist_findings", "Findings of the latest check by code and severity, as punch check reports them.", "code", "severity");
        _overdue = factory.CreateGauge("punchlist_overdue_items", "Items due before today and neither done nor cancelled.");
        _scanSeconds = factory.CreateHistogram("punchlist_scan_duration_seconds", "How long a scan of the workspace took (the index's incremental scan and the check counts).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 12) });
        _checkSeconds = factory.CreateHistogram("punchlist_check_duration_seconds", "How long checking every tracker took (what the findings lists show).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.01, 2, 14) });
        _lastScan = factory.CreateGauge("punchlist_last_scan_timestamp_seconds", "When the last scan finished, in seconds since the Unix epoch.");
        _version = factory.CreateGauge("punchlist_snapshot_version", "Scans that changed something since the server started.");
        _store.Changed += Observe;
        Observe(new StoreEvent(StoreEvent.Scan, 0, []));
        Registry.AddBeforeCollectCallback(Collect);
    }

    public CollectorRegistry Registry { get; }

    // Durations are observed once per scan and check, as they happen (a histogram counts events).
    private void Observe(StoreEvent change)
    {
        lock (_scanSeconds)
        {
            if (_store.Current is { } snapshot && snapshot.Version > _observedScan)
            {
                _observedScan = snapshot.Version;
                _scanSeconds.Observe(snapshot.ScanDuration.TotalSeconds);
            }

            if (_store.Analysis is { Version: > 0 } analysis && analysis.Version > _observedCheck)
            {
                _observedCheck = analysis.Version;
                _checkSeconds.Observe(analysis.Duration.TotalSeconds);
            }
        }
    }

    private void Collect()
    {
        lock (_items)
        {
            if (_store.Current is { } snapshot)
            {
                Scanned(snapshot);
            }

            Checked(_store.Analysis);
        }
    }

    private void Scanned(WorkspaceSnapshot snapshot)
    {
        _lastScan.Set(snapshot.ScannedAt.ToUnixTimeMilliseconds() / 1000.0);
        _version.Set(snapshot.Version);
        _trackers.Set(snapshot.Documents.Count);
        _overdue.Set(snapshot.Documents.Sum(d => d.Overdue(snapshot.Today)));
        var counts = snapshot.ByPriorityAndState.ToLookup(c => (c.Priority, c.State));
        for (int rank = 0; rank < Grouping.PriorityNames.Count; rank++)
        {
            int? priority = rank < Grouping.PriorityNames.Count - 1 ? rank : null;
            foreach (var state in ItemStates.All)
            {
                _items.WithLabels(state.Name(), Grouping.PriorityNames[rank]).Set(counts[(priority, state)].Sum(c => c.Count));
            }
        }

        var trackers = snapshot.Documents.Take(Math.Max(0, _maxTrackers)).ToList();
        var now = trackers.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        foreach (string gone in _trackerSeries.Where(t => !now.Contains(t)))
        {
            foreach (var state in ItemStates.All)
            {
                _trackerItems.RemoveLabelled(gone, state.Name());
            }
        }

        foreach (var tracker in trackers)
        {
            var c = tracker.Items;
            _trackerItems.WithLabels(tracker.Path, ItemState.Open.Name()).Set(c.Open);
            _trackerItems.WithLabels(tracker.Path, ItemState.InProgress.Name()).Set(c.InProgress);
            _trackerItems.WithLabels(tracker.Path, ItemState.Done.Name()).Set(c.Done);
            _trackerItems.WithLabels(tracker.Path, ItemState.Blocked.Name()).Set(c.Blocked);
            _trackerItems.WithLabels(tracker.Path, ItemState.Cancelled.Name()).Set(c.Cancelled);
        }

        _trackerSeries = now;
    }

    private void Checked(WorkspaceAnalysis analysis)
    {
        var now = analysis.Findings.GroupBy(f => (f.Code, Analysis.Findings.Severities.Name(f.Severity))).ToDictionary(g => g.Key, g => g.Count());
        foreach (var gone in _findingSeries.Where(k => !now.ContainsKey(k)))
        {
            _findings.RemoveLabelled(gone.Item1, gone.Item2);
        }

        foreach (var ((code, severity), count) in now)
        {
            _findings.WithLabels(code, severity).Set(count);
        }

        _findingSeries = [.. now.Keys];
    }

    public void Dispose()
    {
        _store.Changed -= Observe;
        _meters.Dispose();
    }
}
