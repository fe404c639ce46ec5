using System.Text.Json;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>An Org tracker through every command, with no special case in any of them.</summary>
public sealed class OrgCommandTests
{
    private const string Tracker = """
        #+TITLE: Launch
        #+TODO: TODO NEXT | DONE CANCELLED

        * Backend [1/3]
        ** DONE [#A] Wire the database
        CLOSED: [2026-01-10 Sat 10:00]
        ** TODO [#A] Rate limiting [1/3]
        DEADLINE: <2026-02-01 Sun>
        :PROPERTIES:
        :OWNER: alice
        :END:
        - [X] design
        - [X] middleware
        - [ ] tests
        ** NEXT Backups
        * Notes
        #+BEGIN_SRC sh
        - [ ] not a task
        #+END_SRC

        """;

    [Fact]
    public void Status_list_and_show_read_an_org_tracker_found_in_a_folder()
    {
        using var workspace = new TempWorkspace().Write("plan.org", Tracker).Write("notes.org", "* Ideas\nJust text.\n");
        var (exit, output, error) = Punch.Run("status", "--json", workspace.Root);
        Assert.True(exit == 0, error);
        using var status = JsonDocument.Parse(output);
        var document = Assert.Single(status.RootElement.GetProperty("documents").EnumerateArray()); // notes.org is no tracker
        Assert.Equal("plan.org", document.GetProperty("path").GetString());
        Assert.Equal("Launch", document.GetProperty("title").GetString());
        Assert.Equal(3, document.GetProperty("items").GetProperty("total").GetInt32());
        Assert.Equal(1, document.GetProperty("items").GetProperty("done").GetInt32());

        var (_, listed, _) = Punch.Run("list", "--json", "--state", "in-progress", workspace.Root);
        using var list = JsonDocument.Parse(listed);
        var item = Assert.Single(list.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("plan.org#backend/rate-limiting", $"{item.GetProperty("document").GetString()}#{item.GetProperty("key").GetString()}");
        Assert.Equal("P0", item.GetProperty("priority").GetString());
        Assert.Equal("alice", item.GetProperty("owner").GetString());
        Assert.Equal("2026-02-01", item.GetProperty("due").GetString());

        var (shown, show, _) = Punch.Run("show", "plan.org#backend/rate-limiting", workspace.Root);
        Assert.Equal(0, shown);
        Assert.Contains("Criteria 2 of 3 checked", show, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_a_stale_cookie_and_a_late_deadline_and_sync_fixes_only_the_cookie()
    {
        using var workspace = new TempWorkspace().Write("plan.org", Tracker);
        var (exit, output, _) = Punch.Run("check", "--json", workspace.Root);
        Assert.Equal(1, exit);
        using var check = JsonDocument.Parse(output);
        var codes = check.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("PL001", codes); // Rate limiting [1/3] has 2 of 3 boxes ticked
        Assert.Contains("PL003", codes);

        string before = File.ReadAllText(workspace.Path("plan.org"));
        Assert.Equal(0, Punch.Run("sync", "--write", workspace.Root).Exit);
        string after = File.ReadAllText(workspace.Path("plan.org"));
        Assert.Equal(before.Replace("Rate limiting [1/3]", "Rate limiting [2/3]", StringComparison.Ordinal), after);
        Assert.Equal(0, Punch.Run("sync", "--check", workspace.Root).Exit);
    }

    [Fact]
    public void Done_and_reopen_write_the_files_own_keywords()
    {
        using var workspace = new TempWorkspace().Write("plan.org", Tracker);
        Assert.Equal(0, Punch.Run("done", "plan.org#backend/backups", workspace.Root).Exit);
        Assert.Contains("** DONE Backups", File.ReadAllText(workspace.Path("plan.org")), StringComparison.Ordinal);
        Assert.Equal(0, Punch.Run("done", "plan.org#backend/rate-limiting", "--criterion", "tests", workspace.Root).Exit);
        Assert.Contains("- [X] tests", File.ReadAllText(workspace.Path("plan.org")), StringComparison.Ordinal);
        Assert.Equal(0, Punch.Run("reopen", "plan.org#backend/wire-the-database", workspace.Root).Exit);
        Assert.Contains("** TODO [#A] Wire the database", File.ReadAllText(workspace.Path("plan.org")), StringComparison.Ordinal);
    }

    [CorpusFact]
    public void The_corpus_org_files_are_found_checked_and_already_in_sync()
    {
        using var workspace = new TempWorkspace();
        foreach (string name in new[] { "41_BBBSnowball__nixcfg__TODO.org", "43_40ants__reblocks__TODO.org" })
        {
            workspace.Write(name, File.ReadAllBytes(Path.Combine(Repo.Real, name)));
        }

        var (_, output, _) = Punch.Run("list", "--json", workspace.Root);
        using var list = JsonDocument.Parse(output);
        Assert.Equal(37, list.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(0, Punch.Run("check", workspace.Root).Exit);
        Assert.Equal((0, "Nothing to change in 2 trackers.\n", string.Empty), Punch.Run("sync", "--check", workspace.Root));
    }
}
