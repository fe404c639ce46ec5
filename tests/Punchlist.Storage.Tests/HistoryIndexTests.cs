using Punchlist.Analysis;
using Punchlist.History;
using Punchlist.Model;
using Punchlist.Storage.History;
using Punchlist.Tests.Support;
using Punchlist.Workspaces;

namespace Punchlist.Storage.Tests;

/// <summary>
/// History read from repositories the tests build commit by commit, each commit on a known date:
/// what every item was after every commit, through renames, deletions, merges, rewritten IDs and a
/// file that stops being a tracker; an update reads only the new commits and ends where a fresh
/// read does.
/// </summary>
public sealed class HistoryIndexTests : IDisposable
{
    private readonly GitRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private const string Plan = """
        # Plan

        ## P0-001: Set up CI
        **Status:** Not Started | **Owner:** alice

        - [ ] Pipeline
        - [ ] Tests

        ## P1-002: Write the guide
        **Status:** Not Started

        ## P2-003: Old idea
        **Status:** Not Started
        """;

    private HistoryIndex Open(bool onDisk = false) =>
        HistoryIndex.Open(_repo.Root, ConfigLoader.Load(_repo.Root), new IndexOptions { InMemory = !onDisk });

    // Every event as one line: date, author, address, presence, state, priority, owner, criteria.
    private static List<string> Dump(HistoryReader reader) => reader.Events().Select(e =>
        $"{e.Commit.When:yyyy-MM-dd} {e.Commit.Author} {e.Address} {(e.Present ? "" : "gone ")}{e.Version.State.Name()} {e.Version.PriorityName} {e.Version.Owner ?? "-"} {e.Version.CriteriaChecked}/{e.Version.CriteriaTotal}").ToList();

    [Fact]
    public void Each_commit_leaves_each_item_as_it_was_through_a_rename()
    {
        _repo.Write("TODO.md", Plan).Write("README.md", "# Readme\n\nNo tasks here.\n").Commit("2025-01-06", "Plan");
        _repo.Write("TODO.md", Plan.Replace("**Status:** Not Started | **Owner:** alice\n\n- [ ] Pipeline", "**Status:** In Progress | **Owner:** alice\n\n- [x] Pipeline")).Commit("2025-01-08", "Start CI", "Bob");
        _repo.Move("TODO.md", "docs/PLAN.md").Commit("2025-01-10", "Move the plan");
        _repo.Write("docs/PLAN.md", Plan.Replace("**Status:** Not Started | **Owner:** alice\n\n- [ ] Pipeline\n- [ ] Tests", "**Status:** Done | **Owner:** alice\n\n- [x] Pipeline\n- [x] Tests")
            .Replace("## P2-003: Old idea\n**Status:** Not Started", string.Empty)).Commit("2025-01-15", "CI done, drop the old idea", "Carol");

        using var history = Open();
        Assert.Equal(HistoryState.Ready, history.State);
        Assert.Equal(
        [
            "2025-01-06 Alice docs/PLAN.md#P0-001 open P0 alice 0/2",
            "2025-01-06 Alice docs/PLAN.md#P1-002 open P1 - 0/0",
            "2025-01-06 Alice docs/PLAN.md#P2-003 open P2 - 0/0",
            "2025-01-08 Bob docs/PLAN.md#P0-001 in-progress P0 alice 1/2",
            "2025-01-15 Carol docs/PLAN.md#P0-001 done P0 alice 2/2",
            "2025-01-15 Carol docs/PLAN.md#P2-003 gone open P2 - 0/0",
        ], Dump(history.Reader));

        // The rename changed no item: it is a version of the document, not an event of its items.
        var documents = history.Reader.Documents();
        var plan = Assert.Single(documents);
        Assert.Equal("docs/PLAN.md", plan.Path);
        Assert.Equal(4, history.Reader.Commits.Count);
    }

    [Fact]
    public void A_deleted_tracker_removes_its_open_items_and_keeps_its_done_ones_done()
    {
        _repo.Write("A.md", "# A\n\n- [x] Shipped\n- [ ] Not yet\n").Write("B.md", "# B\n\n- [ ] Other\n").Commit("2025-03-03");
        _repo.Delete("A.md").Commit("2025-03-05", "Drop A");

        using var history = Open();
        var burnUp = BurnUp.Of(history.Reader.Events(), HistorySelection.All, null, HistoryInterval.Week, null, new DateOnly(2025, 3, 9));
        var week = Assert.Single(burnUp);
        // Three items appeared ("Shipped" already done: not completed that week); "Not yet" was deleted
        // while open (removed); "Shipped" was done when its file went, and stays done.
        Assert.Equal(new BurnUpPeriod(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 9), null, Scope: 2, Done: 1, Added: 3, Removed: 1, Completed: 0, Reopened: 0), week);
        Assert.Contains(history.Reader.Documents(), d => d.Path == "A.md" && !d.Present);
    }

    [Fact]
    public void A_rewritten_id_is_the_same_item_and_no_change_of_scope()
    {
        _repo.Write("TODO.md", Plan).Commit("2025-01-06");
        _repo.Write("TODO.md", Plan.Replace("P1-002", "P1-010")).Commit("2025-01-13", "Renumber");

        using var history = Open();
        var reader = history.Reader;
        var found = Assert.Single(reader.Find("P1-002"));
        Assert.Equal(found, Assert.Single(reader.Find("TODO.md#P1-010")));
        var timeline = Timeline.Of(reader.EventsOf(found.Item), new DateTime(2025, 1, 20, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal("TODO.md#P1-010", timeline.Address);
        Assert.Equal(new FieldChange("id", "P1-002", "P1-010"), Assert.Single(timeline.Entries[1].Changes));

        var weeks = BurnUp.Of(reader.Events(), HistorySelection.All, null, HistoryInterval.Week, null, new DateOnly(2025, 1, 19));
        Assert.Equal((3, 0, 0), (weeks[1].Scope, weeks[1].Added, weeks[1].Removed));
    }

    [Fact]
    public void A_file_that_stops_being_a_tracker_loses_its_items_and_gets_them_back()
    {
        _repo.Write("TODO.md", Plan).Commit("2025-01-06");
        _repo.Write("TODO.md", "# Plan\n\nWe moved our tasks to the issue tracker.\n").Commit("2025-01-08", "Prose now");
        _repo.Write("TODO.md", Plan).Commit("2025-01-10", "Back to the list");

        using var history = Open();
        var reader = history.Reader;
        var ci = Assert.Single(reader.Find("TODO.md#P0-001"));
        var timeline = Timeline.Of(reader.EventsOf(ci.Item), new DateTime(2025, 1, 11, 12, 0, 0, DateTimeKind.Utc));
        Assert.Equal(["appeared", "removed", "restored"], timeline.Entries.Select(e => e.Changes[0].Field));
        Assert.True(timeline.Present);
        // Open for two days, gone for two (not counted), open again for the day until the clock stops.
        Assert.Equal(3, Assert.Single(timeline.TimeInState).Time.TotalDays, 3);
    }

    [Fact]
    public void A_tracker_changed_on_two_branches_reaches_the_main_line_at_the_merge()
    {
        _repo.Write("TODO.md", Plan).Commit("2025-01-06");
        _repo.Branch("docs");
        _repo.Write("TODO.md", Plan.Replace("## P1-002: Write the guide\n**Status:** Not Started", "## P1-002: Write the guide\n**Status:** Done")).Commit("2025-01-07", "Guide written", "Dave");
        _repo.Checkout("main");
        _repo.Write("TODO.md", Plan.Replace("**Owner:** alice", "**Owner:** erin")).Commit("2025-01-08", "Hand CI to Erin");
        _repo.Merge("docs", "2025-01-09", "Carol");

        using var history = Open();
        var reader = history.Reader;
        Assert.Equal(
        [
            "2025-01-06 Alice TODO.md#P0-001 open P0 alice 0/2",
            "2025-01-06 Alice TODO.md#P1-002 open P1 - 0/0",
            "2025-01-06 Alice TODO.md#P2-003 open P2 - 0/0",
            "2025-01-08 Alice TODO.md#P0-001 open P0 erin 0/2",
            "2025-01-09 Carol TODO.md#P1-002 done P1 - 0/0",
        ], Dump(reader));
        var merge = reader.Commits.Values.Single(c => c.When.Day == 9);
        Assert.True(merge.IsMerge);
    }

    [Fact]
    public void A_second_run_reads_only_the_new_commits_and_ends_where_a_fresh_read_does()
    {
        _repo.Write("TODO.md", Plan).Commit("2025-01-06");
        _repo.Write("TODO.md", Plan.Replace("- [ ] Pipeline", "- [x] Pipeline")).Commit("2025-01-07");
        using (var first = Open(onDisk: true))
        {
            Assert.Equal(2, first.Read!.Commits);
        }

        using (var warm = Open(onDisk: true))
        {
            Assert.Null(warm.Read); // nothing new: not even git was asked
        }

        _repo.Write("TODO.md", Plan.Replace("- [ ] Pipeline", "- [x] Pipeline").Replace("- [ ] Tests", "- [x] Tests")).Commit("2025-01-08");
        List<string> updated;
        using (var update = Open(onDisk: true))
        {
            Assert.Equal(new HistoryReadCounts(1, 1, false), update.Read);
            updated = Dump(update.Reader);
        }

        using var fresh = Open();
        Assert.Equal(Dump(fresh.Reader), updated);
    }

    [Fact]
    public void A_rewritten_branch_is_read_again_without_parsing_again()
    {
        _repo.Write("TODO.md", Plan).Commit("2025-01-06");
        string first = _repo.Head;
        _repo.Write("TODO.md", Plan.Replace("- [ ] Pipeline", "- [x] Pipeline")).Commit("2025-01-07");
        using (var before = Open(onDisk: true))
        {
            Assert.Equal(2, before.Reader.Commits.Count);
        }

        _repo.Git("reset", "-q", "--hard", first);
        _repo.Write("TODO.md", Plan.Replace("**Owner:** alice", "**Owner:** bob")).Commit("2025-01-08");
        using var after = Open(onDisk: true);
        Assert.Equal(new HistoryReadCounts(2, 1, true), after.Read); // the first blob was parsed already
        using var fresh = Open();
        Assert.Equal(Dump(fresh.Reader), Dump(after.Reader));
    }

    [Fact]
    public void Each_distinct_blob_is_parsed_once()
    {
        _repo.Write("TODO.md", Plan).Write("COPY.md", Plan).Commit("2025-01-06");
        _repo.Write("TODO.md", Plan.Replace("- [ ] Tests", "- [x] Tests")).Commit("2025-01-07");
        _repo.Write("TODO.md", Plan).Commit("2025-01-08", "Revert");
        using var history = Open();
        Assert.Equal(2, history.Read!.Parsed);
        Assert.Equal(3, history.Reader.Commits.Count);
    }

    [Fact]
    public void A_shallow_clone_and_a_folder_outside_git_answer_in_one_line()
    {
        _repo.Write("TODO.md", Plan).Commit("2025-01-06");
        _repo.Write("TODO.md", Plan.Replace("- [ ] Tests", "- [x] Tests")).Commit("2025-01-07");
        string clone = Path.Combine(Path.GetTempPath(), "punchlist-shallow-" + Guid.NewGuid().ToString("N"));
        string outside = Path.Combine(Path.GetTempPath(), "punchlist-nogit-" + Guid.NewGuid().ToString("N"));
        try
        {
            Processes.Run("git", ["clone", "-q", "--depth", "1", "file://" + _repo.Root, clone]);
            using (var shallow = HistoryIndex.Open(clone, PunchlistConfig.Empty, new IndexOptions { InMemory = true }))
            {
                Assert.Equal(HistoryState.Shallow, shallow.State);
                Assert.Contains("shallow clone", shallow.Reason, StringComparison.Ordinal);
            }

            Directory.CreateDirectory(outside);
            File.WriteAllText(Path.Combine(outside, "TODO.md"), Plan);
            using var none = HistoryIndex.Open(outside, PunchlistConfig.Empty, new IndexOptions { InMemory = true });
            Assert.Equal(HistoryState.NotARepository, none.State);
            Assert.DoesNotContain('\n', none.Reason!);
        }
        finally
        {
            foreach (string folder in new[] { clone, outside }.Where(Directory.Exists))
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(file, FileAttributes.Normal);
                }

                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Cycle_and_lead_times_come_from_the_commits()
    {
        _repo.Write("TODO.md", Plan).Commit("2025-01-06");
        _repo.Write("TODO.md", Plan.Replace("**Status:** Not Started | **Owner:** alice", "**Status:** In Progress | **Owner:** alice")).Commit("2025-01-09");
        _repo.Write("TODO.md", Plan.Replace("**Status:** Not Started | **Owner:** alice", "**Status:** Done | **Owner:** alice")
            .Replace("## P1-002: Write the guide\n**Status:** Not Started", "## P1-002: Write the guide\n**Status:** Done")).Commit("2025-01-16");

        using var history = Open();
        var flow = Flow.Of(history.Reader.Events(), HistorySelection.All, null, new DateOnly(2025, 1, 31));
        // P0-001: in progress on the 9th, done on the 16th (7 days), appeared on the 6th (10 days);
        // P1-002: straight to done, no cycle time, lead time 10 days.
        Assert.Equal(new DurationStats(1, 7, 7), flow.CycleTime);
        Assert.Equal(new DurationStats(2, 10, 10), flow.LeadTime);
        Assert.Equal(["TODO.md#P0-001", "TODO.md#P1-002"], flow.Finished.Select(f => f.Address));
    }

    [Fact]
    public void A_task_file_moved_to_completed_is_one_item_through_its_statuses()
    {
        // Backlog.md's shape: a file per task, its status in the front matter, moved to completed/ when done.
        static string Task(string status, string boxes) => $"""
            ---
            id: BACK-7
            title: Export the board
            status: {status}
            priority: high
            ---

            ## Acceptance Criteria
            {boxes}
            """;
        _repo.Write("backlog/tasks/back-7 - Export-the-board.md", Task("To Do", "- [ ] #1 CSV\n- [ ] #2 JSON\n")).Commit("2025-01-06");
        _repo.Write("backlog/tasks/back-7 - Export-the-board.md", Task("In Progress", "- [x] #1 CSV\n- [ ] #2 JSON\n")).Commit("2025-01-08");
        _repo.Move("backlog/tasks/back-7 - Export-the-board.md", "backlog/completed/back-7 - Export-the-board.md");
        _repo.Write("backlog/completed/back-7 - Export-the-board.md", Task("Done", "- [x] #1 CSV\n- [x] #2 JSON\n")).Commit("2025-01-13");

        // One item through the move (each event names the document by its path now).
        using var history = Open();
        Assert.Equal(
        [
            "2025-01-06 Alice backlog/completed/back-7 - Export-the-board.md#BACK-7 open P1 - 0/2",
            "2025-01-08 Alice backlog/completed/back-7 - Export-the-board.md#BACK-7 in-progress P1 - 1/2",
            "2025-01-13 Alice backlog/completed/back-7 - Export-the-board.md#BACK-7 done P1 - 2/2",
        ], Dump(history.Reader));
        var flow = Flow.Of(history.Reader.Events(), HistorySelection.All, null, new DateOnly(2025, 1, 31));
        Assert.Equal(new DurationStats(1, 5, 5), flow.CycleTime);
        Assert.Equal(new DurationStats(1, 7, 7), flow.LeadTime);
    }

    [Fact]
    public void Priorities_group_the_burn_up_as_each_version_had_them()
    {
        _repo.Write("TODO.md", Plan).Commit("2025-01-06");
        _repo.Write("TODO.md", Plan.Replace("P2-003: Old idea\n**Status:** Not Started", "P2-003: Old idea\n**Status:** Not Started\n**Priority:** P0")).Commit("2025-01-14");

        using var history = Open();
        var weeks = BurnUp.Of(history.Reader.Events(), HistorySelection.All, GroupBy.Priority, HistoryInterval.Week, new DateOnly(2025, 1, 13), new DateOnly(2025, 1, 19));
        var p0 = weeks.Single(w => w.Group == "P0");
        var p2 = weeks.Single(w => w.Group == "P2");
        Assert.Equal((2, 1, 0), (p0.Scope, p0.Added, p0.Removed));
        Assert.Equal((0, 0, 1), (p2.Scope, p2.Added, p2.Removed));
        Assert.All(weeks, w => Assert.Equal(new DateOnly(2025, 1, 13), w.Start));
    }

    [Fact]
    public void An_org_tracker_has_a_history_too()
    {
        _repo.Write("PLAN.org", "* Plan\n** TODO Write the guide\n** TODO Ship it\n").Commit("2025-01-06");
        _repo.Write("PLAN.org", "* Plan\n** TODO Write the guide\n** DONE Ship it\n").Commit("2025-01-08", "Shipped", "Bob");

        using var history = Open();
        var events = history.Reader.Events().ToList();
        Assert.Equal(3, events.Count);
        var shipped = events[^1];
        Assert.Equal(("Bob", ItemState.Done, "PLAN.org"), (shipped.Commit.Author, shipped.Version.State, shipped.Document));
    }

    [Fact]
    public async Task Two_runs_that_read_the_history_at_once_read_it_once()
    {
        _repo.Write("TODO.md", Plan).Commit("2025-01-06");
        _repo.Write("TODO.md", Plan.Replace("- [ ] Pipeline", "- [x] Pipeline")).Commit("2025-01-07");
        _repo.Write("TODO.md", Plan.Replace("- [ ] Tests", "- [x] Tests")).Commit("2025-01-08");
        using (Open(onDisk: true))
        {
            // creates the index, so that both runs below share one file
        }

        _repo.Write("TODO.md", Plan.Replace("**Owner:** alice", "**Owner:** bob")).Commit("2025-01-09");
        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            using var history = Open(onDisk: true);
            return (history.Read, Events: Dump(history.Reader));
        })).ToArray();
        var results = await Task.WhenAll(runs);

        Assert.Single(results, r => r.Read is { Commits: 1 });
        using var fresh = Open();
        Assert.All(results, r => Assert.Equal(Dump(fresh.Reader), r.Events));
    }
}
