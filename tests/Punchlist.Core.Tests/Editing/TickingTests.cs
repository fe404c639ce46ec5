using Punchlist.Editing;
using Punchlist.Editing.Sync;
using Punchlist.Reading;
using Punchlist.Text;

namespace Punchlist.Tests.Editing;

public sealed class TickingTests
{
    private const string Tracker = """
        # Tracker

        - [ ] Task one
          - [ ] first step
          - [x] second step
        - [/] Task two

        ## MH-002: Backups
        **Status:** 🔄 NOT STARTED
        - [ ] Containers for PostgreSQL
        - [ ] Containers for Redis
        - [x] Retention

        ## MH-003: Plain card
        - [ ] a

        ## MH-004: Shipped
        **Status:** ✅ Done
        - [x] b

        """;

    private static string Apply(string text, string key, string? criterion, bool done)
    {
        var document = DocumentReader.Default.Read("t.md", SourceText.FromString(text));
        var edit = Ticking.Edit(document, document.Items.Single(i => i.Key == key), criterion, done);
        return edit is null ? text : Splice.Apply(document.Source, [edit.Edit]).Text;
    }

    private static string[] Changed(string before, string after) =>
        before.Split('\n').Zip(after.Split('\n')).Where(p => p.First != p.Second).Select(p => p.Second).ToArray();

    [Fact]
    public void Done_ticks_a_tasks_own_box_and_an_in_progress_box()
    {
        Assert.Equal(["- [x] Task one"], Changed(Tracker, Apply(Tracker, "tracker/task-one", null, done: true)));
        Assert.Equal(["- [x] Task two"], Changed(Tracker, Apply(Tracker, "tracker/task-two", null, done: true)));
    }

    [Fact]
    public void A_criterion_is_chosen_by_number_or_by_unique_text()
    {
        Assert.Equal(["- [x] Containers for PostgreSQL"], Changed(Tracker, Apply(Tracker, "MH-002", "1", done: true)));
        Assert.Equal(["- [x] Containers for Redis"], Changed(Tracker, Apply(Tracker, "MH-002", "redis", done: true)));
        Assert.Equal(["- [ ] Retention"], Changed(Tracker, Apply(Tracker, "MH-002", "Retention", done: false)));
    }

    [Fact]
    public void A_task_file_is_done_through_its_front_matter_status_and_its_criteria_are_its_boxes()
    {
        const string task = """
            ---
            id: BACK-7
            title: Export the board
            status: 'In Progress'
            ---

            ## Acceptance Criteria
            <!-- AC:BEGIN -->
            - [x] #1 CSV
            - [ ] #2 JSON
            <!-- AC:END -->

            """;
        Assert.Equal(["status: 'Done'"], Changed(task, Apply(task, "BACK-7", null, done: true)));
        Assert.Equal(["- [x] #2 JSON"], Changed(task, Apply(task, "BACK-7", "2", done: true)));
        Assert.Equal(["- [ ] #1 CSV"], Changed(task, Apply(task, "BACK-7", "CSV", done: false)));
    }

    [Fact]
    public void A_card_is_done_through_its_status_in_the_documents_words_and_emoji()
    {
        // The state emoji in front of the words changes with them: a reopened item keeps no green check.
        Assert.Equal(["**Status:** ✅ Done"], Changed(Tracker, Apply(Tracker, "MH-002", null, done: true)));
        Assert.Equal(["**Status:** 🔄 In Progress"], Changed(Tracker, Apply(Tracker, "MH-004", null, done: false)));
    }

    private const string Shapes = """
        ## P0 Critical

        | ID | Task | Effort | Status | Owner |
        |----|------|--------|--------|-------|
        | C1 | Fix node binary import error | 5 min | ⏸️ Pending | alice |
        | C2 | Resolve TODO markers | 2 hours | ✅ Done | bob |
        | C3 | Fix clippy warnings | 4 hours | 🔄 In Progress | |

        **Success Criteria**:
        - ✅ Workspace compiles cleanly
        - ❌ All tests pass

        [ ] 2. Configure database

        1. ~~`[fix]` Auth gate~~ DONE
        2. `[test]` Analytics tests

        | Component | Dev | Staging | Production |
        |-----------|-----|---------|------------|
        | Load Balancer | ✅ | ⏸️ | ❌ |

        """;

    [Fact]
    public void A_table_row_is_done_through_its_status_cell_in_the_tables_own_words()
    {
        Assert.Equal(["| C1 | Fix node binary import error | 5 min | ✅ Done | alice |"], Changed(Shapes, Apply(Shapes, "C1", null, done: true)));
        Assert.Equal(["| C2 | Resolve TODO markers | 2 hours | ⏸️ Pending | bob |"], Changed(Shapes, Apply(Shapes, "C2", null, done: false)));
    }

    [Fact]
    public void An_emoji_mark_changes_only_its_marker()
    {
        Assert.Equal(["- ✅ All tests pass"], Changed(Shapes, Apply(Shapes, "p0-critical/all-tests-pass", null, done: true)));
        Assert.Equal(["- ❌ Workspace compiles cleanly"], Changed(Shapes, Apply(Shapes, "p0-critical/workspace-compiles-cleanly", null, done: false)));
    }

    [Fact]
    public void A_bare_box_is_ticked_like_a_task()
    {
        Assert.Equal(["[x] 2. Configure database"], Changed(Shapes, Apply(Shapes, "p0-critical/configure-database", null, done: true)));
    }

    [Fact]
    public void A_matrix_cell_is_ticked_as_a_criterion_in_the_tables_own_words()
    {
        Assert.Equal(["| Load Balancer | ✅ | ✅ | ❌ |"], Changed(Shapes, Apply(Shapes, "p0-critical/load-balancer", "Staging", done: true)));
        Assert.Equal(["| Load Balancer | ❌ | ⏸️ | ❌ |"], Changed(Shapes, Apply(Shapes, "p0-critical/load-balancer", "Dev", done: false)));
    }

    [Theory]
    [InlineData("p0-critical/load-balancer", null, "t.md#p0-critical/load-balancer is a row of a matrix: tick one of its cells with --criterion (Dev, Staging, Production)")]
    [InlineData("p0-critical/test-analytics-tests", null, "t.md#p0-critical/test-analytics-tests is an entry of a list that marks work done by striking it through or closing it with DONE: change that line by hand")]
    public void What_cannot_be_ticked_says_why(string key, string? criterion, string message)
    {
        var error = Assert.Throws<Punchlist.PunchlistException>(() => Apply(Shapes, key, criterion, done: true));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void What_already_is_as_asked_is_no_edit()
    {
        Assert.Equal(Tracker, Apply(Tracker, "MH-002", "3", done: true));
        Assert.Equal(Tracker, Apply(Tracker, "MH-004", null, done: true));
        Assert.Equal(Tracker, Apply(Tracker, "MH-002", null, done: false));
    }

    [Theory]
    [InlineData("MH-002", "containers", "'containers' matches 2 criteria of t.md#MH-002: 1. Containers for PostgreSQL; 2. Containers for Redis")]
    [InlineData("MH-002", "7", "t.md#MH-002 has criteria 1 to 3, not 7")]
    [InlineData("MH-002", "backup tape", "no criterion of t.md#MH-002 matches 'backup tape'")]
    [InlineData("MH-003", null, "t.md#MH-003 is a card without a status line: tick one of its 1 criteria with --criterion N")]
    [InlineData("tracker/task-two", "1", "t.md#tracker/task-two has no criteria")]
    public void Impossible_ticks_are_refused_with_one_clear_line(string key, string? criterion, string message)
    {
        var error = Assert.Throws<PunchlistException>(() => Apply(Tracker, key, criterion, done: true));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_tick_with_sync_refreshes_cookies_in_the_same_write()
    {
        const string Text = "## Ops [1/2]\n- [x] a\n- [ ] b\n";
        var document = DocumentReader.Default.Read("spec.md", SourceText.FromString(Text));
        var tick = Ticking.Edit(document, document.Items[1], null, done: true)!;
        var result = SyncSpecTests.Sync(document.Source, new SyncOptions(), [tick]);
        Assert.Equal("## Ops [2/2]\n- [x] a\n- [x] b\n", result.Final.Text);
        Assert.Equal([ChangeKind.Tick, ChangeKind.Cookie], result.Changes.Select(c => c.Kind));
    }

    [Fact]
    public void Cookies_do_not_change_an_items_key()
    {
        var before = DocumentReader.Default.Read("t.md", SourceText.FromString("## Ops [1/2]\n- [ ] Deploy [0/1]\n  - [ ] a\n"));
        var after = DocumentReader.Default.Read("t.md", SourceText.FromString("## Ops [2/2]\n- [x] Deploy [1/1]\n  - [x] a\n"));
        Assert.Equal("ops/deploy", before.Items[0].Key);
        Assert.Equal(before.Items[0].Key, after.Items[0].Key);
    }
}
