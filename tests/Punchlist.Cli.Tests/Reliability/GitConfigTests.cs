using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Reliability;

/// <summary>
/// A repository's own git configuration names programs (a textconv or external diff driver, an
/// fsmonitor, hooks, a pager, a signature program, clean and smudge filters): none of them runs when
/// `status`, `check` or `history` read the history (S1 of reviews/reliability-2026-12-06.md: `status`
/// and `check` ran a textconv driver). Each program appends its name to a marker file; the test first
/// shows that plain git does run them, so the trap is armed.
/// </summary>
public sealed class GitConfigTests : IDisposable
{
    private readonly GitRepository _repo = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("punch-gitcfg-").FullName;

    public GitConfigTests()
    {
        _repo.Write("PLAN.md", "# Plan\n\n## P0-001: First\n**Status:** Not Started\n\n- [ ] one\n- [ ] two\n").Commit("2025-01-06");
        _repo.Write("PLAN.md", "# Plan\n\n## P0-001: First\n**Status:** In Progress\n\n- [x] one\n- [ ] two\n").Commit("2025-01-13");
    }

    private string Marker => Path.Combine(_outside, "ran");

    public void Dispose()
    {
        _repo.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    // Configured after the commits, so that the test's own git runs none of it.
    private void Arm()
    {
        string program = Path.Combine(_outside, "evil.sh");
        File.WriteAllText(program, $"#!/bin/sh\necho \"$(basename \"$0\") $*\" >> '{Marker}'\nfor f in \"$@\"; do [ -f \"$f\" ] && cat \"$f\" && break; done\nexit 0\n");
        string hooks = Path.Combine(_outside, "hooks");
        Directory.CreateDirectory(hooks);
        foreach (string hook in new[] { "post-checkout", "pre-commit", "reference-transaction", "post-index-change", "pre-auto-gc" })
        {
            File.Copy(program, Path.Combine(hooks, hook));
            File.Copy(program, _repo.Path(Path.Combine(".git", "hooks", hook)), overwrite: true);
        }

        Processes.Run("chmod", ["-R", "+x", _outside, _repo.Path(Path.Combine(".git", "hooks"))]);
        File.WriteAllText(_repo.Path(Path.Combine(".git", "info", "attributes")), "*.md diff=evil filter=evil\n");
        foreach (var (key, value) in new[]
        {
            ("diff.evil.textconv", program), ("diff.evil.command", program), ("diff.external", program),
            ("filter.evil.clean", program), ("filter.evil.smudge", program),
            ("core.fsmonitor", program), ("core.hooksPath", hooks), ("core.pager", program), ("pager.log", program),
            ("log.showSignature", "true"), ("gpg.program", program), ("core.sshCommand", program),
        })
        {
            _repo.Git("config", key, value);
        }
    }

    [Fact]
    public void Nothing_the_repository_configures_runs_for_status_check_or_history()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Arm();

        // Armed: plain git runs the textconv driver for a patch and the fsmonitor for a status.
        _repo.Git("log", "-p");
        _repo.Git("status");
        string ran = File.ReadAllText(Marker);
        Assert.Contains("PLAN.md", ran, StringComparison.Ordinal); // textconv is given the file
        File.Delete(Marker);

        var status = Punch.RunIn(_repo.Root, "status");
        Assert.True(status.Exit is 0 or 1, status.Err);
        var check = Punch.RunIn(_repo.Root, "check");
        Assert.True(check.Exit == 0, check.Err); // warnings only
        // The history was read: the open card's last change (13 January 2025) is older than `stale:`.
        Assert.Contains("PL013", check.Out, StringComparison.Ordinal);
        var history = Punch.RunIn(_repo.Root, "history", "--json");
        Assert.True(history.Exit == 0, history.Err);
        using (var json = System.Text.Json.JsonDocument.Parse(history.Out))
        {
            Assert.Equal(2, json.RootElement.GetProperty("history").GetProperty("commits").GetInt32());
        }

        var timeline = Punch.RunIn(_repo.Root, "history", "PLAN.md#P0-001");
        Assert.True(timeline.Exit == 0, timeline.Err);

        Assert.False(File.Exists(Marker), File.Exists(Marker) ? $"a configured program ran: {File.ReadAllText(Marker)}" : null);
    }

    // History in a repository git refuses (another user's: "dubious ownership"): one line that says why.
    [Fact]
    public void A_repository_git_refuses_is_one_line_with_gits_reason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Processes.Run("chmod", ["-R", "a+rX", _repo.Root]);
        var (exit, output, error) = PunchProcess.RunAsNobody(_repo.Root, "history");
        if (exit is null)
        {
            return; // not root, or no setpriv: no other user to be
        }

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("punch: ", error, StringComparison.Ordinal);
        Assert.Contains("ownership", error, StringComparison.Ordinal);
    }
}
