using Punchlist.Model;

namespace Punchlist.History;

/// <summary>An item that first appeared in the window, at that commit, as it was then.</summary>
public sealed record AddedItem(long Item, string Address, string Title, string Priority, HistoryCommit Commit, ItemState State);

/// <summary>An open item whose due date was moved later in the window: from the date it had before, to the date it has at the end.</summary>
public sealed record SlippedItem(long Item, string Address, string Title, string Priority, string? Owner, DateOnly From, DateOnly To, HistoryCommit Commit);

/// <summary>What the window added and what it slipped (what it finished and reopened is <see cref="Flow"/>'s, one definition each).</summary>
public sealed record WindowChanges(IReadOnlyList<AddedItem> Added, IReadOnlyList<SlippedItem> Slipped);

/// <summary>
/// Computes <see cref="WindowChanges"/> from the events in one pass (pure). An item is added when its
/// first commit falls in the window and it is still there at its end; it slipped when a commit in the
/// window moved its due date later and, at the end, it is not closed and its date is still later than
/// the one it had when the window opened (a date moved out and back in is no slip).
/// </summary>
public static class WindowChangesOf
{
    public static WindowChanges Compute(IEnumerable<ItemEvent> events, HistorySelection selection, DateOnly since, DateOnly until)
    {
        var first = new Dictionary<long, ItemEvent>();
        var last = new Dictionary<long, ItemEvent>();
        var dueAtStart = new Dictionary<long, DateOnly?>();
        var movedAt = new Dictionary<long, HistoryCommit>();
        foreach (var e in events)
        {
            var day = DateOnly.FromDateTime(e.Commit.When);
            if (day > until)
            {
                break;
            }

            first.TryAdd(e.Item, e);
            if (day < since)
            {
                dueAtStart[e.Item] = e.Present ? e.Version.Due : null;
            }
            else if (e.Present && last.TryGetValue(e.Item, out var before) && before.Present
                && before.Version.Due is { } was && e.Version.Due is { } now && now > was)
            {
                movedAt[e.Item] = e.Commit; // the last commit that pushed it out
            }

            last[e.Item] = e;
        }

        var added = new List<AddedItem>();
        foreach (var appeared in first.Values)
        {
            var end = last[appeared.Item];
            if (DateOnly.FromDateTime(appeared.Commit.When) >= since && end.Present && selection.Matches(end.Version, end.Document))
            {
                added.Add(new AddedItem(appeared.Item, end.Address, end.Version.Title, end.Version.PriorityName, appeared.Commit, appeared.Version.State));
            }
        }

        added.Sort((a, b) => a.Commit.Seq != b.Commit.Seq ? a.Commit.Seq.CompareTo(b.Commit.Seq) : string.CompareOrdinal(a.Address, b.Address));

        var slipped = new List<SlippedItem>();
        foreach (var (item, commit) in movedAt)
        {
            var end = last[item];
            DateOnly? from = dueAtStart.TryGetValue(item, out var d) ? d : first[item].Version.Due;
            if (end is { Present: true } && !end.Version.State.IsClosed() && end.Version.Due is { } to && from is { } was && to > was
                && selection.Matches(end.Version, end.Document))
            {
                slipped.Add(new SlippedItem(item, end.Address, end.Version.Title, end.Version.PriorityName, end.Version.Owner, was, to, commit));
            }
        }

        slipped.Sort((a, b) => a.Commit.Seq != b.Commit.Seq ? a.Commit.Seq.CompareTo(b.Commit.Seq) : string.CompareOrdinal(a.Address, b.Address));
        return new WindowChanges(added, slipped);
    }
}
