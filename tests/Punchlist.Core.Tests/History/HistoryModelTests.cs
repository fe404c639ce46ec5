using Punchlist.Analysis;
using Punchlist.History;
using Punchlist.Model;
using Punchlist.Search;

namespace Punchlist.Tests.History;

/// <summary>The history's pure functions on events written by hand: no git, exact numbers.</summary>
public sealed class HistoryModelTests
{
    private static readonly DateOnly Today = new(2025, 3, 31);

    private static HistoryCommit Commit(int seq, string date, string author = "alice") =>
        new(seq, $"c{seq:D39}", DateTime.Parse(date + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), author, $"commit {seq}", false);

    private static ItemVersion Item(string key, ItemState state = ItemState.Open, int? priority = null, string? owner = null, string title = "", int total = 0, int done = 0, string sections = "") =>
        new(key, key.Contains('-', StringComparison.Ordinal) ? key : null, title.Length > 0 ? title : key, state, priority, null, owner, total, done, sections);

    private static ItemEvent Event(long item, HistoryCommit commit, ItemVersion version, bool present = true, string document = "TODO.md") =>
        new(item, commit, document, version, present);

    [Fact]
    public void An_item_with_a_new_key_and_the_same_title_is_the_same_item()
    {
        var steps = CommitChanges.Between(
        [
            new DocumentStep(1, [(10, Item("P1-002", title: "Write the guide")), (11, Item("P1-003", title: "Ship"))], [Item("P1-010", title: "Write the guide"), Item("P1-003", ItemState.Done, title: "Ship")]),
        ]);
        Assert.Equal(2, steps.Count);
        Assert.Contains(steps, s => s is ItemChanged { Item: 10, Version.Key: "P1-010" });
        Assert.Contains(steps, s => s is ItemChanged { Item: 11, Version.State: ItemState.Done });
    }

    [Fact]
    public void A_card_moved_to_another_tracker_keeps_its_life_and_ambiguous_titles_do_not_pair()
    {
        var steps = CommitChanges.Between(
        [
            new DocumentStep(1, [(10, Item("MH-001", title: "HTTPS")), (11, Item("tasks/tests", title: "Tests")), (12, Item("other/tests", title: "Tests"))], []),
            new DocumentStep(2, [], [Item("MH-001", ItemState.Done, title: "HTTPS everywhere"), Item("done/tests", title: "Tests")]),
        ]);
        Assert.Contains(steps, s => s is ItemChanged { Item: 10, Document: 2, Version.State: ItemState.Done });
        // Two vanished items are titled "Tests": neither is paired with the one that appeared.
        Assert.Equal(2, steps.Count(s => s is ItemGone));
        Assert.Single(steps.OfType<ItemAppeared>());
    }

    [Fact]
    public void An_edited_task_in_the_same_place_is_the_same_item()
    {
        var steps = CommitChanges.Between(
        [
            new DocumentStep(1, [(10, Item("setup/set-up-ci", title: "Set up CI", sections: "Setup")), (11, Item("setup/docs", title: "Docs", sections: "Setup"))],
                [Item("setup/set-up-ci-on-github", title: "Set up CI on GitHub", sections: "Setup"), Item("setup/docs", title: "Docs", sections: "Setup")]),
        ]);
        Assert.Equal(10, Assert.IsType<ItemChanged>(Assert.Single(steps)).Item);
    }

    [Fact]
    public void The_burn_up_counts_scope_done_and_the_change_of_scope_per_week()
    {
        var c1 = Commit(1, "2025-03-03");
        var c2 = Commit(2, "2025-03-05");
        var c3 = Commit(3, "2025-03-11");
        var c4 = Commit(4, "2025-03-19");
        ItemEvent[] events =
        [
            Event(1, c1, Item("a")), Event(2, c1, Item("b")), Event(3, c1, Item("c")),
            Event(1, c2, Item("a", ItemState.Done)),
            Event(2, c3, Item("b", ItemState.Cancelled)), Event(4, c3, Item("d")),
            Event(1, c4, Item("a", ItemState.Done), present: false), Event(3, c4, Item("c"), present: false), Event(4, c4, Item("d", ItemState.Done)),
        ];
        var weeks = BurnUp.Of(events, HistorySelection.All, null, HistoryInterval.Week, null, new DateOnly(2025, 3, 23));
        Assert.Equal(
        [
            new BurnUpPeriod(new(2025, 3, 3), new(2025, 3, 9), null, 3, 1, 3, 0, 1, 0),
            new BurnUpPeriod(new(2025, 3, 10), new(2025, 3, 16), null, 3, 1, 1, 1, 0, 0),
            new BurnUpPeriod(new(2025, 3, 17), new(2025, 3, 23), null, 2, 2, 0, 1, 1, 0),
        ], weeks);
    }

    [Fact]
    public void Periods_since_a_date_start_from_the_counts_that_date_had()
    {
        var events = new[] { Event(1, Commit(1, "2025-01-06"), Item("a")), Event(2, Commit(2, "2025-02-03"), Item("b")), Event(1, Commit(3, "2025-03-03"), Item("a", ItemState.Done)) };
        var months = BurnUp.Of(events, HistorySelection.All, null, HistoryInterval.Month, new DateOnly(2025, 2, 15), new DateOnly(2025, 3, 31));
        Assert.Equal([(2, 0, 1), (2, 1, 0)], months.Select(m => (m.Scope, m.Done, m.Added)));
        Assert.Equal(new DateOnly(2025, 2, 1), months[0].Start);
    }

    [Fact]
    public void A_query_selects_items_as_each_version_was()
    {
        var query = Query.Parse("priority:p0 owner:bob", new QueryContext(Today));
        var selection = HistorySelection.Of(query, ["docs"]);
        Assert.True(selection.Matches(Item("x", priority: 0, owner: "@Bob"), "docs/TODO.md"));
        Assert.False(selection.Matches(Item("x", priority: 1, owner: "bob"), "docs/TODO.md"));
        Assert.False(selection.Matches(Item("x", priority: 0, owner: "bob"), "TODO.md"));

        var words = HistorySelection.Of(Query.Parse("backups -draft", new QueryContext(Today)), []);
        Assert.True(words.Matches(Item("t", title: "Verify the nightly backup"), "TODO.md"));
        Assert.False(words.Matches(Item("t", title: "Backup draft"), "TODO.md"));

        var refused = Assert.Throws<PunchlistException>(() => HistorySelection.Of(Query.Parse("backup (is:overdue OR tech:docker)", new QueryContext(Today)), []));
        Assert.Contains("'is:overdue'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeline_lists_each_change_and_the_time_in_each_state()
    {
        var events = new[]
        {
            Event(7, Commit(1, "2025-03-03"), Item("P0-001", priority: 0, owner: "alice", total: 2)),
            Event(7, Commit(2, "2025-03-05", "bob"), Item("P0-001", ItemState.InProgress, priority: 0, owner: "alice", total: 2, done: 1)),
            Event(7, Commit(3, "2025-03-10"), Item("P0-001", ItemState.Done, priority: 1, owner: "alice", total: 2, done: 2)),
        };
        var timeline = Timeline.Of(events, new DateTime(2025, 3, 12, 12, 0, 0, DateTimeKind.Utc));
        Assert.Equal(
        [
            [new FieldChange("appeared", null, "open, P0, alice, 0/2 criteria")],
            [new FieldChange("state", "open", "in-progress"), new FieldChange("criteria", "0/2", "1/2")],
            [new FieldChange("state", "in-progress", "done"), new FieldChange("priority", "P0", "P1"), new FieldChange("criteria", "1/2", "2/2")],
        ], timeline.Entries.Select(e => e.Changes.ToArray()));
        Assert.Equal("bob", timeline.Entries[1].Commit.Author);
        Assert.Equal(
            [new StateDuration(ItemState.Open, TimeSpan.FromDays(2)), new StateDuration(ItemState.InProgress, TimeSpan.FromDays(5)), new StateDuration(ItemState.Done, TimeSpan.FromDays(2))],
            timeline.TimeInState);
    }

    [Fact]
    public void Flow_finds_cycle_and_lead_times_and_what_went_backwards()
    {
        var events = new[]
        {
            Event(1, Commit(1, "2025-03-03"), Item("a")), Event(2, Commit(1, "2025-03-03"), Item("b")), Event(3, Commit(1, "2025-03-03"), Item("c")),
            Event(1, Commit(2, "2025-03-04"), Item("a", ItemState.InProgress)),
            Event(1, Commit(3, "2025-03-07"), Item("a", ItemState.Done)), Event(2, Commit(3, "2025-03-07"), Item("b", ItemState.Done)),
            Event(2, Commit(4, "2025-03-10", "carol"), Item("b")),
            Event(3, Commit(5, "2025-03-13"), Item("c", ItemState.InProgress)),
            Event(3, Commit(6, "2025-03-23"), Item("c", ItemState.Done)),
        };
        var flow = Flow.Of(events, HistorySelection.All, null, Today);
        Assert.Equal(["TODO.md#a", "TODO.md#c"], flow.Finished.Select(f => f.Address));
        Assert.Equal(new DurationStats(2, 3, 10), flow.CycleTime);
        Assert.Equal(new DurationStats(2, 4, 20), flow.LeadTime);
        var back = Assert.Single(flow.WentBackwards);
        Assert.Equal(("TODO.md#b", ItemState.Open, "carol"), (back.Address, back.To, back.Commit.Author));
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        Assert.Equal(new DurationStats(4, 2, 4), DurationStats.Of([4, 1, 3, 2]));
        Assert.Equal(new DurationStats(7, 4, 6), DurationStats.Of([1, 2, 3, 4, 5, 6, 7]));
        Assert.Equal(new DurationStats(0, null, null), DurationStats.Of([]));
    }

    [Fact]
    public void The_forecast_samples_the_last_twelve_full_weeks_with_a_fixed_seed()
    {
        // Twenty weeks of history, the last one not over; a steady 2 a week in the last twelve full weeks.
        var today = new DateOnly(2025, 5, 21); // a Wednesday
        var weeks = Enumerable.Range(0, 20).Select(i => new WeekCount(new DateOnly(2025, 1, 6).AddDays(7 * i), i < 7 ? 9 : 2)).ToList();
        var forecast = Forecast.Run(10, weeks, today);
        Assert.Equal(12, forecast.Samples.Count);
        Assert.Equal(new DateOnly(2025, 2, 24), forecast.Samples[0].Week);
        Assert.Equal(new DateOnly(2025, 5, 12), forecast.Samples[^1].Week);
        Assert.All(forecast.Samples, s => Assert.Equal(2, s.Done));
        // Every trial takes exactly five weeks at 2 a week.
        Assert.Equal([new ForecastDate(50, 5, today.AddDays(35)), new ForecastDate(85, 5, today.AddDays(35)), new ForecastDate(95, 5, today.AddDays(35))], forecast.Dates);
        Assert.Null(forecast.TooLittle);
    }

    [Fact]
    public void The_same_history_gives_the_same_forecast_and_a_varied_pace_spreads_the_dates()
    {
        var today = new DateOnly(2025, 5, 19);
        var weeks = new[] { 0, 5, 1, 3, 0, 8, 2, 2, 0, 4, 1, 6 }.Select((n, i) => new WeekCount(new DateOnly(2025, 2, 24).AddDays(7 * i), n)).ToList();
        var first = Forecast.Run(30, weeks, today);
        var again = Forecast.Run(30, weeks, today);
        Assert.Equal(first.Dates, again.Dates);
        Assert.Equal(3, first.Dates.Count);
        Assert.True(first.Dates[0].Weeks <= first.Dates[1].Weeks && first.Dates[1].Weeks <= first.Dates[2].Weeks);
        Assert.True(first.Dates[2].Weeks > first.Dates[0].Weeks);
        // 32 done in 12 weeks: about 12 weeks for 30 at the median.
        Assert.InRange(first.Dates[0].Weeks, 10, 13);
    }

    [Fact]
    public void Too_little_history_gives_no_date_and_says_why()
    {
        var today = new DateOnly(2025, 3, 26);
        var three = Enumerable.Range(0, 3).Select(i => new WeekCount(new DateOnly(2025, 3, 3).AddDays(7 * i), 4)).ToList();
        var short_ = Forecast.Run(5, three, today);
        Assert.Empty(short_.Dates);
        Assert.Equal("only 3 full weeks of history: a forecast needs at least 4", short_.TooLittle);

        var idle = Enumerable.Range(0, 8).Select(i => new WeekCount(new DateOnly(2025, 1, 27).AddDays(7 * i), i == 2 ? 1 : 0)).ToList();
        var slow = Forecast.Run(5, idle, today);
        Assert.Empty(slow.Dates);
        Assert.Equal("only 1 item done in the 8 weeks sampled: a forecast needs at least 3", slow.TooLittle);
    }

    [Fact]
    public void A_claim_that_was_never_true_and_one_that_turned_false_are_told_apart()
    {
        var c1 = Commit(1, "2025-01-06");
        var c2 = Commit(2, "2025-01-13");
        var c3 = Commit(3, "2025-01-20");
        var turns = ClaimHistory.Of(
        [
            ("TODO.md", c1, [new ClaimVersion("'Total Items'", "50", false), new ClaimVersion("dashboard row 'P0'", "2", true)]),
            ("TODO.md", c2, [new ClaimVersion("'Total Items'", "50", false), new ClaimVersion("dashboard row 'P0'", "2", false)]),
            ("TODO.md", c3, [new ClaimVersion("'Total Items'", "51", false), new ClaimVersion("dashboard row 'P0'", "3", true)]),
        ]);
        Assert.Equal(2, turns.Count);
        Assert.Equal(new ClaimTurn("TODO.md", "'Total Items'", "51", c1, null, NeverTrue: true, StillFalse: true), turns[0]);
        Assert.Equal(new ClaimTurn("TODO.md", "dashboard row 'P0'", "3", c1, c2, NeverTrue: false, StillFalse: false), turns[1]);
    }
}
