using System.Globalization;
using Punchlist.Model;

namespace Punchlist.History;

/// <summary>One thing a commit changed about an item: `appeared`, `removed`, `restored`, or a field (`state`, `priority`, `due`, `owner`, `criteria`, `title`, `id`, `section`, `document`) from one value to another.</summary>
public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>One commit in an item's life, with what it changed.</summary>
public sealed record TimelineEntry(HistoryCommit Commit, string Document, IReadOnlyList<FieldChange> Changes);

/// <summary>How long the item spent in one state, in all.</summary>
public sealed record StateDuration(ItemState State, TimeSpan Time);

/// <summary>An item's life: every change, and the time it spent in each state until it was removed or until <see cref="Until"/>.</summary>
public sealed record ItemTimeline(long Item, string Address, ItemVersion Last, bool Present, IReadOnlyList<TimelineEntry> Entries, IReadOnlyList<StateDuration> TimeInState, DateTime Until);

/// <summary>Builds an item's timeline from its events (pure).</summary>
public static class Timeline
{
    /// <param name="events">The item's events, in commit order.</param>
    /// <param name="until">Where the clock of its current state stops when it is still there (the end of `--today`).</param>
    public static ItemTimeline Of(IReadOnlyList<ItemEvent> events, DateTime until)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("an item has at least one event", nameof(events));
        }

        var entries = new List<TimelineEntry>();
        var time = new Dictionary<ItemState, TimeSpan>();
        ItemEvent? previous = null;
        foreach (var e in events)
        {
            entries.Add(new TimelineEntry(e.Commit, e.Document, Changes(previous, e)));
            if (previous is { Present: true } p)
            {
                Add(time, p.Version.State, e.Commit.When - p.Commit.When);
            }

            previous = e;
        }

        var last = events[^1];
        if (last.Present && until > last.Commit.When)
        {
            Add(time, last.Version.State, until - last.Commit.When);
        }

        return new ItemTimeline(last.Item, last.Address, last.Version, last.Present, entries,
            ItemStates.All.Where(time.ContainsKey).Select(s => new StateDuration(s, time[s])).ToList(), until);
    }

    private static void Add(Dictionary<ItemState, TimeSpan> time, ItemState state, TimeSpan span)
    {
        if (span > TimeSpan.Zero)
        {
            time[state] = time.GetValueOrDefault(state) + span;
        }
    }

    /// <summary>What changed from <paramref name="before"/> (null: nothing yet) to <paramref name="now"/>.</summary>
    public static List<FieldChange> Changes(ItemEvent? before, ItemEvent now)
    {
        var v = now.Version;
        if (before is null)
        {
            return [new FieldChange("appeared", null, Describe(v))];
        }

        if (!now.Present)
        {
            return [new FieldChange("removed", before.Version.State.Name(), null)];
        }

        var changes = new List<FieldChange>();
        if (!before.Present)
        {
            changes.Add(new FieldChange("restored", null, Describe(v)));
        }

        var b = before.Version;
        Add(changes, "document", before.Document, now.Document);
        Add(changes, "id", b.Id, v.Id);
        Add(changes, "title", b.Title, v.Title);
        Add(changes, "state", b.State.Name(), v.State.Name());
        Add(changes, "priority", b.Priority is null ? null : b.PriorityName, v.Priority is null ? null : v.PriorityName);
        Add(changes, "due", Date(b.Due), Date(v.Due));
        Add(changes, "owner", b.Owner, v.Owner);
        Add(changes, "criteria", Criteria(b), Criteria(v));
        Add(changes, "section", b.Section, v.Section);
        if (changes.Count == 0 && b.Key != v.Key)
        {
            changes.Add(new FieldChange("key", b.Key, v.Key));
        }

        return changes;
    }

    private static void Add(List<FieldChange> changes, string field, string? from, string? to)
    {
        if (!string.Equals(from, to, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(field, from, to));
        }
    }

    private static string Describe(ItemVersion v) =>
        string.Join(", ", new[] { v.State.Name(), v.Priority is null ? null : v.PriorityName, v.Owner, Date(v.Due) is { } d ? "due " + d : null, Criteria(v) is { } c ? c + " criteria" : null }.OfType<string>());

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Criteria(ItemVersion v) => v.CriteriaTotal == 0 ? null : $"{v.CriteriaChecked}/{v.CriteriaTotal}";
}
