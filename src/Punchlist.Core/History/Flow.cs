using Punchlist.Model;

namespace Punchlist.History;

/// <summary>Durations in days: how many, their median and 85th percentile (nearest rank), or nulls when there are none.</summary>
public sealed record DurationStats(int Count, double? Median, double? P85)
{
    public static DurationStats Of(IEnumerable<double> days)
    {
        var sorted = days.Order().ToList();
        return sorted.Count == 0 ? new DurationStats(0, null, null) : new DurationStats(sorted.Count, Percentile(sorted, 50), Percentile(sorted, 85));
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="percent"/> % of the values at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, int percent) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
}

/// <summary>An item finished in the window: when it appeared, first went in progress (if it did) and was done.</summary>
public sealed record FinishedItem(long Item, string Address, string Title, DateTime Appeared, DateTime? Started, DateTime Done)
{
    /// <summary>First in progress → done, in days; null when it went straight to done.</summary>
    public double? CycleDays => Started is { } s ? (Done - s).TotalDays : null;

    /// <summary>Appeared → done, in days.</summary>
    public double LeadDays => (Done - Appeared).TotalDays;
}

/// <summary>An item that went back from done (reopened), at that commit.</summary>
public sealed record WentBack(long Item, string Address, string Title, HistoryCommit Commit, ItemState To);

/// <summary>How many items became done in one week (Monday to Sunday): the weekly burn-up's <see cref="BurnUpPeriod.Completed"/>.</summary>
public sealed record WeekCount(DateOnly Week, int Done);

/// <summary>
/// Flow over a window of time: cycle time (first in progress → done) and lead time (appeared → done)
/// of the items finished in it, and the items that went backwards. (Weekly throughput is the weekly
/// burn-up's completed count, one definition for both.)
/// </summary>
public sealed record FlowFigures(DurationStats CycleTime, DurationStats LeadTime, IReadOnlyList<FinishedItem> Finished, IReadOnlyList<WentBack> WentBackwards);

/// <summary>
/// Computes <see cref="FlowFigures"/> from the events in one pass (pure). An item is finished at the
/// last commit that made it done, if it is still done then (or was done when deleted) and some
/// commit showed it not done before (an item written down already done has no lead time to
/// measure); appeared is its first commit; started the first commit that showed it in progress.
/// </summary>
public static class Flow
{
    public static FlowFigures Of(IEnumerable<ItemEvent> events, HistorySelection selection, DateOnly? from, DateOnly until)
    {
        var items = new Dictionary<long, Life>();
        var back = new List<WentBack>();
        foreach (var e in events)
        {
            var day = DateOnly.FromDateTime(e.Commit.When);
            if (day > until)
            {
                break;
            }

            if (!items.TryGetValue(e.Item, out var life))
            {
                items[e.Item] = life = new Life(e.Commit.When);
            }

            bool selected = selection.Matches(e.Version, e.Document);
            bool done = e.Version.State == ItemState.Done;
            bool inWindow = from is null || day >= from.Value;
            life.EverOpen |= e.Present && !done && e.Version.State != ItemState.Cancelled;
            if (e.Present && e.Version.State == ItemState.InProgress && life.Started is null)
            {
                life.Started = e.Commit.When;
            }

            if (done && !life.Done && e.Present)
            {
                life.DoneAt = e.Commit.When;
            }
            else if (!done && life.Done && e.Present)
            {
                life.DoneAt = null;
                if (selected && inWindow)
                {
                    back.Add(new WentBack(e.Item, e.Address, e.Version.Title, e.Commit, e.Version.State));
                }
            }

            life.Done = done;
            life.Last = e;
        }

        var finished = items
            .Where(p => p.Value is { Done: true, EverOpen: true, DoneAt: { } at, Last: { } last } && selection.Matches(last.Version, last.Document) && (from is null || DateOnly.FromDateTime(at) >= from.Value))
            .Select(p => new FinishedItem(p.Key, p.Value.Last!.Address, p.Value.Last.Version.Title, p.Value.Appeared,
                p.Value.Started is { } s && s <= p.Value.DoneAt!.Value ? s : null, p.Value.DoneAt!.Value))
            .OrderBy(f => f.Done).ThenBy(f => f.Address, StringComparer.Ordinal)
            .ToList();

        return new FlowFigures(
            DurationStats.Of(finished.Select(f => f.CycleDays).OfType<double>()),
            DurationStats.Of(finished.Select(f => f.LeadDays)),
            finished,
            back);
    }

    private sealed class Life(DateTime appeared)
    {
        public DateTime Appeared => appeared;

        public DateTime? Started { get; set; }

        public DateTime? DoneAt { get; set; }

        public bool Done { get; set; }

        /// <summary>Seen not yet done at some commit: an item that appeared done has no lead time to measure.</summary>
        public bool EverOpen { get; set; }

        public ItemEvent? Last { get; set; }
    }
}
