using System.Text.Json;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

public sealed class CommandTests
{
    private static readonly string Seeds = Repo.Seeds;
    private static readonly string Samples = Path.Combine(Repo.Root, "samples");

    [CorpusTheory]
    [InlineData("status", "--today", "21/11/2026")]
    [InlineData("status", "--bogus")]
    [InlineData("status", "--by", "colour")]
    [InlineData("frobnicate")]
    [InlineData("list", "--state", "finished")]
    [InlineData("list", "--priority", "P9")]
    [InlineData("status", "/no/such/folder")]
    [InlineData("show", "P0-001")]
    [InlineData("show", "ZZ-404")]
    public void User_errors_exit_2_with_one_line_and_no_stack_trace(params string[] args)
    {
        var withPaths = args[0] == "show" ? [.. args, Seeds] : args;
        var (exit, output, error) = Punch.Run(withPaths);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        string line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("punch: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sorted_list_cuts_a_long_address_in_the_middle_and_keeps_the_other_columns()
    {
        // Sorted, each item is named by its whole address: on 80 columns one that long must give way
        // (cut in the middle, its key kept) rather than leave the table with nothing but addresses.
        using var work = new Workdir().Write("docs/planning/quarterly/2026-q4-production-readiness-and-launch-checklist.md",
            "# Launch\n\n## P1-001: Rotate the keys\n\n**Owner:** Ana\n**Due:** 2026-11-11\n");
        var (exit, output, error) = Punch.RunAt(80, color: false, work.Root, "list", "--sort", "due", "--today", "2026-11-21", work.Root);
        Assert.Equal((0, string.Empty), (exit, error));
        var lines = output.Split('\n');
        Assert.StartsWith("Item ", lines[0], StringComparison.Ordinal);
        Assert.Contains("Due", lines[0], StringComparison.Ordinal);
        string row = lines[1];
        Assert.True(row.Length <= 80, row);
        Assert.Contains("…", row, StringComparison.Ordinal);
        Assert.Contains("#P1-001", row, StringComparison.Ordinal);
        Assert.Contains("10d late", row, StringComparison.Ordinal);
        Assert.Contains("Ana", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("state", new[] { "b.md#P2-002", "a.md#P1-002", "a.md#P0-001" })] // blocked, in progress, then the first open
    [InlineData("due", new[] { "b.md#P2-001", "a.md#P1-002", "a.md#P0-001" })]
    [InlineData("priority", new[] { "a.md#P0-001", "a.md#P1-002", "b.md#P1-003" })]
    public void A_limited_sorted_list_is_the_head_of_the_whole_sorted_list(string sort, string[] head)
    {
        // The index sorts and limits (only the lines shown are fetched): what it returns must be what
        // sorting every item and cutting the list would give.
        using var work = new Workdir()
            .Write("a.md", "# A\n\n## P0-001: Keys\n\n**Due:** 2026-12-20\n\n## P1-002: Backups\n\n**Status:** In progress\n**Due:** 2026-12-10\n\n## P3-003: Docs\n\n**Status:** Done\n")
            .Write("b.md", "# B\n\n## P2-001: Alerts\n\n**Due:** 2026-12-01\n\n## P2-002: Restore drill\n\n**Status:** Blocked\n\n## P1-003: Runbook\n\n**Status:** Cancelled\n");
        string[] Addresses(params string[] extra)
        {
            var (exit, output, error) = Punch.Run(["list", "--sort", sort, "--json", "--today", "2026-11-21", .. extra, work.Root]);
            Assert.Equal((0, string.Empty), (exit, error));
            using var json = JsonDocument.Parse(output);
            return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("address").GetString()!)];
        }

        var all = Addresses();
        Assert.Equal(6, all.Length);
        Assert.Equal(head, Addresses("--limit", "3"));
        Assert.Equal(all[..3], head);
    }

    [CorpusFact]
    public void An_ambiguous_address_lists_the_candidates()
    {
        var (_, _, error) = Punch.Run("show", "P0-001", Seeds);
        Assert.Contains("data-platform-todo.md#P0-001", error, StringComparison.Ordinal);
        Assert.Contains("optimization-health-todos.md#P0-001", error, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Status_json_is_versioned_and_counts_the_seeds()
    {
        var (exit, output, _) = Punch.Run("status", "--json", "--today", "2026-11-21", Seeds);
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("punchlist.status/1", root.GetProperty("schema").GetString());
        Assert.Equal("2026-11-21", root.GetProperty("today").GetString());
        var documents = root.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("path").GetString()!);
        Assert.Equal(5, documents.Count);
        var data = documents["data-platform-todo.md"];
        Assert.Equal(23, data.GetProperty("items").GetProperty("total").GetInt32());
        Assert.Equal(3, data.GetProperty("items").GetProperty("inProgress").GetInt32());
        Assert.Equal(152, data.GetProperty("checkboxes").GetProperty("total").GetInt32());
        Assert.Equal(8, data.GetProperty("checkboxes").GetProperty("checked").GetInt32());
        Assert.Equal(15, data.GetProperty("byPriority").GetProperty("P0").GetProperty("total").GetInt32());
        Assert.Equal("items", data.GetProperty("progress").GetProperty("basis").GetString());
        Assert.Equal(375, root.GetProperty("totals").GetProperty("items").GetProperty("total").GetInt32()); // 10 of them the rows of a matrix
    }

    [CorpusFact]
    public void Status_by_priority_adds_groups()
    {
        var (_, output, _) = Punch.Run("status", "--json", "--by", "priority", Seeds);
        using var json = JsonDocument.Parse(output);
        var groups = json.RootElement.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("name").GetString()!, g => g.GetProperty("items").GetProperty("total").GetInt32());
        Assert.Equal(23, groups["P0"]);
        Assert.Equal(313, groups["none"]);
    }

    [CorpusFact]
    public void List_filters_by_state_and_priority()
    {
        var (exit, output, _) = Punch.Run("list", "--json", "--state", "in-progress", "--priority", "P0,none", Seeds);
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("punchlist.items/1", json.RootElement.GetProperty("schema").GetString());
        var keys = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("address").GetString()).ToList();
        Assert.Equal(["data-platform-todo.md#P0-001", "data-platform-todo.md#P0-002", "data-platform-todo.md#MH-001"], keys);
    }

    [CorpusFact]
    public void List_items_carry_the_documented_fields()
    {
        var (_, output, _) = Punch.Run("list", "--json", "--today", "2026-11-21", Path.Combine(Seeds, "data-platform-todo.md"));
        using var json = JsonDocument.Parse(output);
        var mh004 = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "MH-004");
        Assert.Equal("card", mh004.GetProperty("kind").GetString());
        Assert.Equal("P0", mh004.GetProperty("priority").GetString());
        Assert.Equal("MUST HAVE", mh004.GetProperty("priorityLabel").GetString());
        Assert.Equal("2025-10-31", mh004.GetProperty("due").GetString());
        Assert.True(mh004.GetProperty("overdue").GetBoolean());
        Assert.Equal("1 day", mh004.GetProperty("effort").GetProperty("text").GetString());
        Assert.Equal(8, mh004.GetProperty("effort").GetProperty("hours").GetDouble());
        Assert.Equal("Security", mh004.GetProperty("category").GetString());
        Assert.Contains(mh004.GetProperty("references").EnumerateArray(), r => r.GetProperty("target").GetString() == "dockerfile/traefik.Dockerfile");
    }

    [CorpusFact]
    public void Show_prints_an_item_with_its_criteria_and_source()
    {
        var (exit, output, _) = Punch.Run("show", "data-platform-todo.md#P0-001", Seeds);
        Assert.Equal(0, exit);
        Assert.Contains("Directory Structure Refactoring", output, StringComparison.Ordinal);
        Assert.Contains("Criteria 3 of 12 checked", output, StringComparison.Ordinal);
        Assert.Contains(" 1. [x] Rename web-content/", output, StringComparison.Ordinal);
        Assert.Contains("data-platform-todo.md:36:1 · card", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_lists_each_dependency_with_its_state_and_where_it_is()
    {
        using var workspace = new TempWorkspace()
            .Write("plan.md", "# Plan\n\n## P0-001: Ship the API\n**Status:** Open\n**Depends on:** P0-002, INF-7, ZZ-9\n\n## P0-002: Design\n**Status:** Done\n")
            .Write("infra.md", "# Infra\n\n## INF-7: Cluster\n**Status:** In progress\n");
        var (exit, output, error) = Punch.Run("show", "P0-001", "--plain", workspace.Root);
        Assert.Equal((0, string.Empty), (exit, error));
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("Depends", StringComparison.Ordinal));
        Assert.Equal("Depends\tP0-002 done, INF-7 in-progress (infra.md), ZZ-9 not found", line);

        // An item with none shows no such line.
        Assert.DoesNotContain("Depends", Punch.Run("show", "P0-002", "--plain", workspace.Root).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_keeps_a_file_name_with_spaces_whole_on_its_location_line()
    {
        const string name = "task-7 - Make the install script work offline.md";
        using var workspace = new TempWorkspace()
            .Write($"backlog/tasks/{name}", "---\nid: BACK-7\ntitle: Make the install script work offline\nstatus: To Do\n---\n\n## Acceptance Criteria\n- [ ] Works offline\n");
        // 66 characters with its line and column: whole on one line wherever it fits (it would be cut
        // only where the terminal is narrower than it).
        foreach (int width in new[] { 70, 80, 100 })
        {
            var (exit, output, _) = Punch.RunAt(width, color: false, workspace.Root, "show", "BACK-7", workspace.Root);
            Assert.Equal(0, exit);
            Assert.Contains($"backlog/tasks/{name}:3:8", output, StringComparison.Ordinal);
        }
    }

    [CorpusFact]
    public void Show_json_numbers_criteria_from_one()
    {
        var (_, output, _) = Punch.Run("show", "--json", "MH-002", Seeds);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("punchlist.item/1", json.RootElement.GetProperty("schema").GetString());
        var first = json.RootElement.GetProperty("criteriaList")[0];
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.StartsWith("Create backup service containers", first.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Status_skips_documents_that_are_not_trackers_unless_named()
    {
        var (_, all, _) = Punch.Run("status", "--json", Repo.Real);
        Assert.DoesNotContain("10_eseidel__space_traders__TODO.md", all, StringComparison.Ordinal);
        var (_, named, _) = Punch.Run("status", "--json", Path.Combine(Repo.Real, "10_eseidel__space_traders__TODO.md"));
        Assert.Contains("10_eseidel__space_traders__TODO.md", named, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Explain_lists_suspicious_lines()
    {
        var (_, output, _) = Punch.Run("status", "--explain", Path.Combine(Repo.Real, "31_divyang-garg__vibe-coding-sentinel__docs__external__IMPLEMENTATION_ROADMAP.md"));
        Assert.Contains("status 'See Phase 14'", output, StringComparison.Ordinal);
        Assert.Contains("the legend gives '🔴'", output, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Explain_shows_a_status_matrix_as_a_matrix()
    {
        var (_, output, _) = Punch.Run("status", "--explain", "--no-color", Path.Combine(Seeds, "infrastructure-devops-todos.md"));
        Assert.Contains("a status matrix of 10 rows by Dev, Staging, Production", output, StringComparison.Ordinal);
        Assert.Contains("Load Balancer", output, StringComparison.Ordinal);
        Assert.Contains("Secrets Mgmt", output, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Verbose_says_what_was_read()
    {
        var (_, _, error) = Punch.Run("status", "--verbose", Samples);
        Assert.Matches(@"punch: \d+ Markdown files found, \d+ parsed, 6 trackers", error);
    }

    [Fact]
    public void Help_exits_0()
    {
        var (exit, output, _) = Punch.Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("status", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--no-color", "--help")]
    public void Help_lists_every_command_wherever_it_is_asked_for(params string[] args)
    {
        // A run builds only the command it names; help must still see all of them.
        var (exit, output, _) = Punch.Run(args);
        Assert.Equal(0, exit);
        Assert.All(new[] { "status", "list", "show", "search", "check", "sync", "done", "reopen", "verify", "config", "init", "completion" },
            command => Assert.Contains($"  {command}", output, StringComparison.Ordinal));
    }

    [Fact]
    public void A_commands_help_shows_its_own_options()
    {
        var (exit, output, _) = Punch.Run("status", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--by", output, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void A_mistyped_command_is_named_as_unknown_in_one_line()
    {
        var (exit, _, error) = Punch.Run("stauts", Samples);
        Assert.Equal(2, exit);
        Assert.Equal("punch: unknown command 'stauts' (did you mean status?)\n", error);
        (exit, _, error) = Punch.Run("frobnicate", Samples);
        Assert.Equal(2, exit);
        Assert.Equal("punch: unknown command 'frobnicate' (commands: status, list, show, search, check, sync, done, reopen, verify, history, report, export, mcp, serve, push, config, init, completion)\n", error);
    }
}
