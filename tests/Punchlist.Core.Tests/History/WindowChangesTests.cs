using Punchlist.History;
using Punchlist.Model;

namespace Punchlist.Tests.History;

/// <summary>What a window of history added and pushed back, on events written by hand.</summary>
public sealed class WindowChangesTests
{
    private static readonly DateOnly Since = new(2025, 3, 10);
    private static readonly DateOnly Until = new(2025, 3, 16);

    private static HistoryCommit Commit(int seq, string date, string author = "alice") =>
        new(seq, $"c{seq:D39}", DateTime.Parse(date + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), author, $"commit {seq}", false);

    private static ItemEvent Event(long item, HistoryCommit commit, string key, string? due, ItemState state = ItemState.Open, bool present = true, int? priority = 0) =>
        new(item, commit, "PLAN.md", new ItemVersion(key, key, key, state, priority, due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), "Dana", 0, 0, string.Empty), present);

    [Fact]
    public void Items_first_seen_in_the_window_and_still_there_are_added()
    {
        var events = new[]
        {
            Event(1, Commit(1, "2025-03-03"), "P0-001", null),
            Event(2, Commit(2, "2025-03-11", "bob"), "P0-002", null),
            Event(3, Commit(2, "2025-03-11", "bob"), "P0-003", null),
            Event(3, Commit(3, "2025-03-12"), "P0-003", null, present: false), // added, then removed again
            Event(4, Commit(4, "2025-03-20"), "P0-004", null), // after the window
        };

        var changes = WindowChangesOf.Compute(events, HistorySelection.All, Since, Until);
        var added = Assert.Single(changes.Added);
        Assert.Equal(("PLAN.md#P0-002", "P0", "bob"), (added.Address, added.Priority, added.Commit.Author));
        Assert.Empty(changes.Slipped);
    }

    [Fact]
    public void A_due_date_moved_later_in_the_window_is_a_slip_from_the_date_it_had_when_the_window_opened()
    {
        var events = new[]
        {
            Event(1, Commit(1, "2025-03-03"), "P0-001", "2025-03-12"),
            Event(2, Commit(1, "2025-03-03"), "P0-002", "2025-03-12"),
            Event(3, Commit(1, "2025-03-03"), "P0-003", "2025-03-12"),
            Event(4, Commit(1, "2025-03-03"), "P0-004", "2025-03-12"),
            Event(1, Commit(2, "2025-03-11"), "P0-001", "2025-03-19"),
            Event(1, Commit(3, "2025-03-13"), "P0-001", "2025-03-26"), // pushed twice: one slip, first date to last
            Event(2, Commit(2, "2025-03-11"), "P0-002", "2025-03-19"),
            Event(2, Commit(3, "2025-03-13"), "P0-002", "2025-03-12"), // pushed out and back in: no slip
            Event(3, Commit(2, "2025-03-11"), "P0-003", "2025-03-19"),
            Event(3, Commit(3, "2025-03-13"), "P0-003", "2025-03-19", ItemState.Done), // done since: no slip
            Event(4, Commit(3, "2025-03-13"), "P0-004", "2025-03-05"), // brought forward: no slip
        };

        var slip = Assert.Single(WindowChangesOf.Compute(events, HistorySelection.All, Since, Until).Slipped);
        Assert.Equal(("PLAN.md#P0-001", new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 26), 3), (slip.Address, slip.From, slip.To, slip.Commit.Seq));
    }

    [Fact]
    public void A_move_before_the_window_is_not_a_slip_in_it()
    {
        var events = new[]
        {
            Event(1, Commit(1, "2025-03-03"), "P0-001", "2025-03-12"),
            Event(1, Commit(2, "2025-03-05"), "P0-001", "2025-03-30"),
        };

        Assert.Empty(WindowChangesOf.Compute(events, HistorySelection.All, Since, Until).Slipped);
    }
}
