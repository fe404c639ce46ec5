using Microsoft.Extensions.Options;
using Prometheus;
using Punchlist.Analysis;
using Punchlist.Model;
using Punchlist.Server.Data;

namespace Punchlist.Server.Operations;

/// <summary>
/// The workspace in Prometheus' terms, set after every scan and check: items by state and priority,
/// per tracker by state (for the first <see cref="ServerOptions.MetricsTrackers"/> trackers), findings
/// by code and severity, scan durations as a histogram and the time of the last scan. Series whose
/// tracker or code is gone are removed, so a deleted tracker does not linger at its last value.
/// </summary>
internal sealed class WorkspaceMetrics : IDisposable
{
    private static readonly Gauge Items = Metrics.CreateGauge("punchlist_items", "Items by derived state and priority (P0..P3, or none), over every tracker.", "state", "priority");
    private static readonly Gauge TrackerItems = Metrics.CreateGauge("punchlist_tracker_items", "Items of one tracker by derived state (only the first trackers by path get series: see the server's MetricsTrackers).", "tracker", "state");
    private static readonly Gauge Trackers = Metrics.CreateGauge("punchlist_trackers", "Trackers in the workspace.");
    private static readonly Gauge Findings = Metrics.CreateGauge("punchlist_findings", "Findings of the latest check by code and severity, as punch check reports them.", "code", "severity");
    private static readonly Gauge Overdue = Metrics.CreateGauge("punchlist_overdue_items", "Items due before today and neither done nor cancelled.");
    private static readonly Histogram ScanSeconds = Metrics.CreateHistogram("punchlist_scan_duration_seconds", "How long a scan of the workspace took (the index's incremental scan and the check counts).",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 12) });
    private static readonly Histogram CheckSeconds = Metrics.CreateHistogram("punchlist_check_duration_seconds", "How long checking every tracker took (the findings pages and lists show).",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.01, 2, 14) });
    private static readonly Gauge LastScan = Metrics.CreateGauge("punchlist_last_scan_timestamp_seconds", "When the last scan finished, in seconds since the Unix epoch.");
    private static readonly Gauge Version = Metrics.CreateGauge("punchlist_snapshot_version", "Scans that changed something since the server started.");

    private readonly IWorkspaceStore _store;
    private readonly int _maxTrackers;
    private readonly Lock _lock = new();
    private HashSet<string> _trackers = [];
    private HashSet<(string, string)> _findings = [];

    public WorkspaceMetrics(IWorkspaceStore store, IOptions<ServerOptions> options)
    {
        _store = store;
        _maxTrackers = options.Value.MetricsTrackers;
        _store.Changed += OnChanged;
    }

    private void OnChanged(StoreEvent change)
    {
        lock (_lock)
        {
            if (change.Kind == StoreEvent.Scan && _store.Current is { } snapshot)
            {
                Scanned(snapshot);
            }
            else if (change.Kind == StoreEvent.Analysis)
            {
                Checked(_store.Analysis);
            }
        }
    }

    private void Scanned(WorkspaceSnapshot snapshot)
    {
        ScanSeconds.Observe(snapshot.ScanDuration.TotalSeconds);
        LastScan.Set(snapshot.ScannedAt.ToUnixTimeMilliseconds() / 1000.0);
        Version.Set(snapshot.Version);
        Trackers.Set(snapshot.Documents.Count);
        Overdue.Set(snapshot.Documents.Sum(d => d.Overdue(snapshot.Today)));
        var counts = snapshot.ByPriorityAndState.ToLookup(c => (c.Priority, c.State));
        for (int rank = 0; rank < Grouping.PriorityNames.Count; rank++)
        {
            int? priority = rank < Grouping.PriorityNames.Count - 1 ? rank : null;
            foreach (var state in ItemStates.All)
            {
                Items.WithLabels(state.Name(), Grouping.PriorityNames[rank]).Set(counts[(priority, state)].Sum(c => c.Count));
            }
        }

        var trackers = snapshot.Documents.Take(Math.Max(0, _maxTrackers)).ToList();
        var now = trackers.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        foreach (string gone in _trackers.Where(t => !now.Contains(t)))
        {
            foreach (var state in ItemStates.All)
            {
                TrackerItems.RemoveLabelled(gone, state.Name());
            }
        }

        foreach (var tracker in trackers)
        {
            var c = tracker.Items;
            TrackerItems.WithLabels(tracker.Path, ItemState.Open.Name()).Set(c.Open);
            TrackerItems.WithLabels(tracker.Path, ItemState.InProgress.Name()).Set(c.InProgress);
            TrackerItems.WithLabels(tracker.Path, ItemState.Done.Name()).Set(c.Done);
            TrackerItems.WithLabels(tracker.Path, ItemState.Blocked.Name()).Set(c.Blocked);
            TrackerItems.WithLabels(tracker.Path, ItemState.Cancelled.Name()).Set(c.Cancelled);
        }

        _trackers = now;
    }

    private void Checked(WorkspaceAnalysis analysis)
    {
        CheckSeconds.Observe(analysis.Duration.TotalSeconds);
        var now = analysis.Findings.GroupBy(f => (f.Code, Analysis.Findings.Severities.Name(f.Severity))).ToDictionary(g => g.Key, g => g.Count());
        foreach (var gone in _findings.Where(k => !now.ContainsKey(k)))
        {
            Findings.RemoveLabelled(gone.Item1, gone.Item2);
        }

        foreach (var ((code, severity), count) in now)
        {
            Findings.WithLabels(code, severity).Set(count);
        }

        _findings = [.. now.Keys];
    }

    public void Dispose() => _store.Changed -= OnChanged;
}
