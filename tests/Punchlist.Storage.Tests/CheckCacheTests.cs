using System.Diagnostics;
using Punchlist.Storage.Checks;
using Punchlist.Tests.Support;

namespace Punchlist.Storage.Tests;

/// <summary>
/// `punch status`'s findings and verification counts served from the index: never stale. Each case
/// changes one thing a document's check depends on besides its bytes and compares the counts with a
/// fresh check of the same workspace, and says which documents had to be checked again.
/// </summary>
public sealed class CheckCacheTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private const string Refs = "# Refs\n\n## P0-001: First\n\n**Owner:** Ann\n\nSee P0-099 before starting.\n\n- [ ] Do it\n";
    private readonly TempWorkspace _workspace = new();

    public CheckCacheTests()
    {
        _workspace.Write("plain.md", "# Plain\n\n- [ ] Write the backup script\n- [x] Buy disks\n");
        _workspace.Write("dated.md", "# Dated\n\n## T-1: Renew certificates\n\n**Due:** 2026-11-25\n\n- [ ] Renew\n");
    }

    [Fact]
    public void A_second_check_of_an_unchanged_workspace_reads_and_checks_nothing()
    {
        var first = Checks();
        Assert.Equal((0, 2, 0), (first.Cached, first.Checked, first.Read));
        var second = Checks();
        Assert.Equal((2, 0, 0), (second.Cached, second.Checked, second.Read));
        AssertFresh(second);
    }

    [Fact]
    public void A_first_check_of_many_documents_in_batches_gives_each_document_its_own_counts()
    {
        // More than a batch (64) of trackers, each with as many overdue items as its number modulo 5:
        // a count paired with the wrong document would show.
        for (int n = 0; n < 150; n++)
        {
            var text = new System.Text.StringBuilder($"# Plan {n}\n");
            for (int late = 0; late < 5; late++)
            {
                text.Append($"\n## T{n}-{late}: Task\n\n**Due:** {(late < n % 5 ? "2026-11-01" : "2026-12-30")}\n\n- [ ] Do it\n");
            }

            _workspace.Write($"plans/plan-{n:000}.md", text.ToString());
        }

        var first = Checks();
        Assert.Equal((0, 152), (first.Cached, first.Checked));
        for (int n = 0; n < 150; n++)
        {
            Assert.Equal(n % 5, first.ByPath[$"plans/plan-{n:000}.md"].Findings);
        }

        AssertFresh(first);
        var second = Checks();
        Assert.Equal((152, 0), (second.Cached, second.Checked));
        Assert.Equal(first.ByPath.OrderBy(p => p.Key, StringComparer.Ordinal), second.ByPath.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void A_first_scan_keeps_parsed_documents_for_the_check_only_up_to_its_budget()
    {
        // Twenty trackers of 1 MB, together past the budget: the scan keeps as many as fit, and the
        // check reads the others again, counting the same as a fresh check.
        string task = "- [ ] " + new string('x', 994) + "\n";
        string tracker = "# Plan\n\n" + string.Concat(Enumerable.Repeat(task, 1000));
        for (int n = 0; n < 20; n++)
        {
            _workspace.Write($"big/plan-{n:00}.md", tracker);
        }

        using var index = WorkspaceIndex.Scan([_workspace.Root], new IndexOptions { KeepDocuments = true });
        long kept = index.Kept.Keys.Sum(path => new FileInfo(_workspace.Path(path)).Length);
        Assert.InRange(kept, WorkspaceIndex.KeptSourceBytes - tracker.Length, WorkspaceIndex.KeptSourceBytes);
        var first = index.Checks(Today);
        Assert.Equal((22, 22 - index.Kept.Count), (first.Checked, first.Read));
        AssertFresh(first);
    }

    [Fact]
    public void Another_day_checks_again_only_the_documents_that_read_the_date()
    {
        Checks();
        var later = Checks(new DateOnly(2026, 12, 1));
        Assert.Equal((1, 1, 1), (later.Cached, later.Checked, later.Read));
        Assert.Equal(1, later.ByPath["dated.md"].Findings); // now overdue
        AssertFresh(later, new DateOnly(2026, 12, 1));
        Assert.Equal(0, Checks().ByPath["dated.md"].Findings);
    }

    [Fact]
    public void A_change_to_punchlist_yml_checks_everything_again()
    {
        Checks(new DateOnly(2026, 12, 1));
        _workspace.Write("punchlist.yml", "rules: {PL003: off}\n");
        var after = Checks(new DateOnly(2026, 12, 1));
        Assert.Equal(0, after.Cached);
        Assert.Equal(0, after.ByPath["dated.md"].Findings);
        AssertFresh(after, new DateOnly(2026, 12, 1));
    }

    [Fact]
    public void Another_document_gaining_a_referenced_id_changes_the_finding_without_stale_counts()
    {
        _workspace.Write("refs.md", Refs);
        _workspace.Write("other.md", "# Other\n\n## P0-050: Unrelated\n\n- [ ] Something\n");
        int before = Checks().ByPath["refs.md"].Findings;

        _workspace.Write("other.md", "# Other\n\n## P0-050: Unrelated\n\n- [ ] Something\n\n## P0-099: Now it exists\n\n- [ ] More\n");
        var after = Checks();
        Assert.Equal(before - 1, after.ByPath["refs.md"].Findings);
        Assert.Equal(2, after.Checked); // other.md changed, and refs.md's lookup of P0-099 answers differently
        AssertFresh(after);
    }

    [Fact]
    public void Ids_changing_elsewhere_keep_a_check_whose_lookups_still_answer_the_same()
    {
        _workspace.Write("refs.md", Refs);
        _workspace.Write("other.md", "# Other\n\n## P0-050: Unrelated\n\n- [ ] Something\n");
        int before = Checks().ByPath["refs.md"].Findings;
        _workspace.Write("other.md", "# Other\n\n## P0-050: Unrelated\n\n## P0-051: Also unrelated\n\n- [ ] Something\n");
        var after = Checks();
        Assert.Equal(1, after.Checked); // other.md only: refs.md asked about P0-099, which is still nowhere
        Assert.Equal(before, after.ByPath["refs.md"].Findings);
        Assert.Equal(0, Checks().Checked);
        AssertFresh(after);
    }

    [Fact]
    public void A_file_a_link_names_appearing_clears_the_broken_reference()
    {
        _workspace.Write("links.md", "# Links\n\n- [ ] Follow [the runbook](docs/runbook.md)\n");
        Assert.Equal(1, Checks().ByPath["links.md"].Findings);
        _workspace.Write("docs/runbook.md", "no tasks here\n");
        var after = Checks();
        Assert.Equal(0, after.ByPath["links.md"].Findings);
        AssertFresh(after);
    }

    [Fact]
    public void A_dockerfile_appearing_flips_a_contradicted_done_and_its_edit_flips_it_back()
    {
        _workspace.Write("containers.md", "# Containers\n\n- [x] Non-root user in containers\n");
        var before = Checks();
        Assert.Equal((0, 0, 0), (before.ByPath["containers.md"].Findings, before.ByPath["containers.md"].Contradicted, before.ByPath["containers.md"].Verified));

        _workspace.Write("Dockerfile", "FROM node:22\nCOPY . .\nCMD [\"node\", \"server.js\"]\n");
        Directory.SetLastWriteTimeUtc(_workspace.Root, DateTime.UtcNow.AddMinutes(-10)); // trusted: only the file's own stamp can tell the edit below
        var rooted = Checks();
        Assert.Equal((1, 1), (rooted.ByPath["containers.md"].Findings, rooted.ByPath["containers.md"].Contradicted));
        Assert.Equal(2, rooted.Cached); // the other documents ran no probe
        AssertFresh(rooted);

        _workspace.Write("Dockerfile", "FROM node:22\nCOPY . .\nUSER node\nCMD [\"node\", \"server.js\"]\n");
        var fixedUp = Checks();
        Assert.Equal((0, 1), (fixedUp.ByPath["containers.md"].Findings, fixedUp.ByPath["containers.md"].Verified));
        AssertFresh(fixedUp);
    }

    [Fact]
    public void An_unrelated_new_file_reruns_the_probes_but_checks_nothing_again()
    {
        _workspace.Write("containers.md", "# Containers\n\n- [x] Non-root user in containers\n");
        _workspace.Write("Dockerfile", "FROM node:22\nUSER node\n");
        Checks();
        _workspace.Write("notes/scratch.txt", "nothing\n");
        var after = Checks();
        Assert.Equal((3, 0), (after.Cached, after.Checked));
        AssertFresh(after);
    }

    [Fact]
    public void A_status_of_one_folder_does_not_leave_stale_probe_answers_for_the_others()
    {
        _workspace.Write("containers.md", "# Containers\n\n- [x] Non-root user in containers\n");
        _workspace.Write("Dockerfile", "FROM node:22\nUSER node\n");
        Assert.Equal(1, Checks().ByPath["containers.md"].Verified);

        // A run over docs/ alone records what its own probe looked at, which does not include the
        // Dockerfile; folders aged past the racy window, so that their stamps are trusted.
        _workspace.Write("docs/more.md", "# More\n\n- [x] Write the changelog\n");
        Directory.SetLastWriteTimeUtc(_workspace.Root, DateTime.UtcNow.AddMinutes(-10));
        Directory.SetLastWriteTimeUtc(_workspace.Path("docs"), DateTime.UtcNow.AddMinutes(-10));
        using (var docs = WorkspaceIndex.Scan([_workspace.Path("docs")], IndexOptions.Default))
        {
            Assert.Equal(1, docs.Checks(Today).Checked);
        }

        _workspace.Write("Dockerfile", "FROM node:22\n");
        var after = Checks();
        Assert.Equal(1, after.ByPath["containers.md"].Contradicted);
        AssertFresh(after);
    }

    [Fact]
    public void A_new_commit_checks_again_only_the_documents_that_asked_the_git_clock()
    {
        Assert.True(Git("init", "-q", "-b", "main"), "git init failed: this test needs the git program (test.sh installs it)");

        // PL013 asks the clock about every open item; off, only the SLA document asks it (PL004).
        _workspace.Write("punchlist.yml", "rules: {PL013: off}\n");

        _workspace.Write("sla.md", "# Incidents\n\n| Priority | SLA |\n|---|---|\n| P0 | 24 hours |\n\n## P0-001: Restore the feed\n\n**Priority:** P0\n\n- [ ] Restore\n");
        Commit("2026-01-10T12:00:00Z");
        Checks();

        _workspace.Write("later.txt", "x\n");
        Commit("2026-11-20T12:00:00Z");
        var after = Checks();
        Assert.Equal(1, after.Checked);
        AssertFresh(after);
    }

    [Fact]
    public void A_new_commit_checks_again_the_documents_with_open_items_which_staleness_asked_about()
    {
        Assert.True(Git("init", "-q", "-b", "main"), "git init failed: this test needs the git program (test.sh installs it)");
        _workspace.Write("closed.md", "# Closed\n\n- [x] Shipped\n- [x] Announced\n");
        Commit("2026-01-10T12:00:00Z");
        Checks();

        _workspace.Write("later.txt", "x\n");
        Commit("2026-11-20T12:00:00Z");
        var after = Checks();
        Assert.Equal((1, 2), (after.Cached, after.Checked)); // plain.md and dated.md have open items; closed.md none
        AssertFresh(after);
    }

    public void Dispose() => _workspace.Dispose();

    private StatusChecks Checks(DateOnly? today = null)
    {
        using var index = WorkspaceIndex.Scan([_workspace.Root], new IndexOptions { KeepDocuments = true });
        return index.Checks(today ?? Today);
    }

    private void AssertFresh(StatusChecks served, DateOnly? today = null)
    {
        using var fresh = WorkspaceIndex.Scan([_workspace.Root], new IndexOptions { InMemory = true, KeepDocuments = true });
        var expected = fresh.Checks(today ?? Today);
        Assert.Equal(expected.ByPath.OrderBy(p => p.Key, StringComparer.Ordinal), served.ByPath.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private void Commit(string when)
    {
        Assert.True(Git("add", "-A"));
        Assert.True(Git(["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "c"], when));
    }

    private bool Git(params string[] args) => Git(args, null);

    private bool Git(string[] args, string? when)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = _workspace.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(info.ArgumentList.Add);
        if (when is not null)
        {
            info.Environment["GIT_COMMITTER_DATE"] = when;
            info.Environment["GIT_AUTHOR_DATE"] = when;
        }

        try
        {
            using var process = Process.Start(info)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
