using Punchlist.Analysis;
using Punchlist.Model;

namespace Punchlist.History;

/// <summary>
/// One period of a burn-up for one group (or all items when <see cref="Group"/> is null), counted at
/// the period's end: <see cref="Scope"/> items exist, <see cref="Done"/> of them done; during the
/// period <see cref="Added"/> came into scope and <see cref="Removed"/> left it, <see cref="Completed"/>
/// became done (from another state: an item that appears done was not completed then) and
/// <see cref="Reopened"/> went back from done.
/// </summary>
public sealed record BurnUpPeriod(DateOnly Start, DateOnly End, string? Group, int Scope, int Done, int Added, int Removed, int Completed, int Reopened);

/// <summary>
/// The burn-up: per period, how much work exists (scope) and how much of it is done, and how the
/// scope moved, so that scope creep shows beside progress. An item is in scope from the commit that
/// adds it (or that makes it match the selection) until one that removes it while not done, cancels
/// it, or makes it stop matching. A done item that is deleted stays done: teams delete finished lines,
/// and that work was still done. With a grouping, an item that changes group (a new priority, a new
/// owner) leaves one group and enters the other in that period. Streams the events once, in commit
/// order; holds one small record per item, never the history.
/// </summary>
public static class BurnUp
{
    /// <param name="events">Every item event, in commit order.</param>
    /// <param name="from">The first day to report (the period holding it is the first); null for the first event's.</param>
    /// <param name="until">The last day to report; events after it are not counted.</param>
    public static List<BurnUpPeriod> Of(IEnumerable<ItemEvent> events, HistorySelection selection, GroupBy? by, HistoryInterval interval, DateOnly? from, DateOnly until)
    {
        var items = new Dictionary<long, Standing>();
        var groups = new SortedDictionary<string, Counts>(GroupOrder.Instance);
        var periods = new List<BurnUpPeriod>();
        DateOnly? start = null;
        DateTime last = DateTime.MinValue;
        foreach (var e in events)
        {
            // Committer times can go backwards (rebases, clocks); history's order is the commits' order.
            last = e.Commit.When > last ? e.Commit.When : last;
            var day = DateOnly.FromDateTime(last);
            if (day > until)
            {
                break;
            }

            start ??= interval.Start(day);
            while (interval.Next(start.Value) <= day)
            {
                Close(start.Value);
                start = interval.Next(start.Value);
            }

            var before = items.GetValueOrDefault(e.Item);
            var after = Standing.Of(e, selection, by);
            items[e.Item] = after;
            Count(before, after);
        }

        if (start is null)
        {
            // Nothing happened before the end: the selection is empty throughout.
            return periods;
        }

        while (start.Value <= until)
        {
            Close(start.Value);
            start = interval.Next(start.Value);
        }

        return periods;

        void Count(Standing before, Standing after)
        {
            bool moved = before.Group != after.Group;
            if (before.InScope)
            {
                var g = Group(before.Group);
                g.Scope--;
                g.Done -= before.Done ? 1 : 0;
                if (!after.InScope || moved)
                {
                    g.Removed++;
                }
            }

            if (after.InScope)
            {
                var g = Group(after.Group);
                g.Scope++;
                g.Done += after.Done ? 1 : 0;
                if (!before.InScope || moved)
                {
                    g.Added++;
                }

                // A change of state, not of scope: an item that appears already done, or enters the
                // selection done, was not completed here.
                if (after.Done && before.Seen && !before.StateDone)
                {
                    g.Completed++;
                }
                else if (before.StateDone && !after.StateDone)
                {
                    g.Reopened++;
                }
            }
        }

        Counts Group(string name)
        {
            if (!groups.TryGetValue(name, out var counts))
            {
                groups[name] = counts = new Counts();
            }

            return counts;
        }

        // The period's row (or a row per group), then the movements start again from zero.
        void Close(DateOnly periodStart)
        {
            var end = interval.Next(periodStart).AddDays(-1);
            if (from is null || end >= from.Value)
            {
                if (by is GroupBy.Priority)
                {
                    foreach (string name in Grouping.PriorityNames)
                    {
                        Group(name);
                    }
                }

                foreach (var (name, c) in groups)
                {
                    periods.Add(new BurnUpPeriod(periodStart, end, by is null ? null : name, c.Scope, c.Done, c.Added, c.Removed, c.Completed, c.Reopened));
                }
            }

            foreach (var c in groups.Values)
            {
                c.Added = c.Removed = c.Completed = c.Reopened = 0;
            }
        }
    }

    // What one item counts for at the moment: whether it is in scope, done, and in which group; and
    // whether it had been seen at all and was done, selected or not.
    private readonly record struct Standing(bool InScope, bool Done, string Group, bool Seen, bool StateDone)
    {
        public static Standing Of(ItemEvent e, HistorySelection selection, GroupBy? by)
        {
            var v = e.Version;
            bool selected = selection.Matches(v, e.Document);
            bool inScope = selected && (e.Present ? v.State != ItemState.Cancelled : v.State == ItemState.Done);
            string group = by switch
            {
                null => string.Empty,
                GroupBy.Priority => v.PriorityName,
                GroupBy.Document => e.Document,
                GroupBy.Section => v.Section ?? Grouping.NoSection,
                _ => v.Owner ?? Grouping.NoOwner,
            };
            return new Standing(inScope, inScope && v.State == ItemState.Done, group, Seen: true, v.State == ItemState.Done);
        }
    }

    private sealed class Counts
    {
        public int Scope;
        public int Done;
        public int Added;
        public int Removed;
        public int Completed;
        public int Reopened;
    }

    // Priorities in rank order (none last), everything else alphabetically.
    private sealed class GroupOrder : IComparer<string>
    {
        public static readonly GroupOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            int a = Rank(x), b = Rank(y);
            return a != b ? a.CompareTo(b) : string.CompareOrdinal(x, y);
        }

        private static int Rank(string? name) => name is null ? 9 : Grouping.PriorityNames.ToList().IndexOf(name) is var i and >= 0 ? i : 10;
    }
}
