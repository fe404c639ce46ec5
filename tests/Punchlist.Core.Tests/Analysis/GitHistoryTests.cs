using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Tests.Support;
using Punchlist.Workspaces;

namespace Punchlist.Tests.Analysis;

/// <summary>
/// The SLA clock read from git: a repository built in a temporary folder, each item committed on a
/// chosen date (GIT_AUTHOR_DATE and GIT_COMMITTER_DATE), checked against the document's own date.
/// </summary>
public sealed class GitHistoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "punchlist-git-" + Guid.NewGuid().ToString("N"));

    public GitHistoryTests()
    {
        Directory.CreateDirectory(_root);
        Git(null, "init", "-q", "-b", "main");
        Commit("2026-01-05", """
            # Incidents
            **Generated:** 2026-01-01

            | Priority | SLA |
            |----------|-----|
            | P1 | 2 weeks |

            ## P1-001: Rotate the leaked key
            """);
        Commit("2026-11-01", """
            # Incidents
            **Generated:** 2026-01-01

            | Priority | SLA |
            |----------|-----|
            | P1 | 2 weeks |

            ## P1-001: Rotate the leaked key
            ## P1-002: Add alerting on login failures
            - [ ] Set up the alert

            # Chores
            - [ ] Rotate **all** `deploy` keys
            """);
        File.AppendAllText(Path.Combine(_root, "TODO.md"), "## P1-003: Not committed yet\n");
    }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal); // git makes its objects read-only
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void An_item_was_created_when_the_first_commit_that_holds_it_landed()
    {
        var workspace = WorkspaceLoader.Load([_root]);
        var document = Assert.Single(workspace.Documents);
        var history = new GitHistory(workspace.Root);
        Assert.Equal(new DateTime(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc), history.CreatedAt(document, document.Items.Single(i => i.Id == "P1-001")));
        Assert.Equal(new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc), history.CreatedAt(document, document.Items.Single(i => i.Id == "P1-002")));
        Assert.Null(history.CreatedAt(document, document.Items.Single(i => i.Id == "P1-003")));

        // A task is found by its title as written, emphasis and code included.
        Assert.Equal(new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc), history.CreatedAt(document, document.Items.Single(i => i.Title == "Rotate all deploy keys")));
    }

    [Fact]
    public void The_sla_clock_starts_at_the_commit_else_at_the_documents_date()
    {
        var workspace = WorkspaceLoader.Load([_root]);
        var breached = workspace.Check(new DateOnly(2026, 11, 10)).Where(f => f.Code == "PL004").ToDictionary(f => f.Item!);

        // Committed in January: two weeks ran out long ago.
        Assert.Contains("since 2026-01-05 (first commit)", breached["P1-001"].Message, StringComparison.Ordinal);
        // Committed on November 1st: within its two weeks on the 10th, although the document says January.
        Assert.False(breached.ContainsKey("P1-002"));
        // Not committed: the document's Generated date starts the clock.
        Assert.Contains("since 2026-01-01 (the document's Generated: 2026-01-01)", breached["P1-003"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_a_repository_there_is_no_history()
    {
        string outside = Path.Combine(Path.GetTempPath(), "punchlist-nogit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            File.WriteAllText(Path.Combine(outside, "TODO.md"), "## P1-001: Alone\n");
            var workspace = WorkspaceLoader.Load([outside]);
            var document = workspace.Documents.Single();
            Assert.Null(new GitHistory(workspace.Root).CreatedAt(document, document.Items[0]));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    // S1: a repository's own configuration (an unpacked archive, a shared folder) must not make git run
    // a program: textconv and external diff drivers chosen by .gitattributes, fsmonitor, a pager.
    [Fact]
    public void Reading_the_history_runs_nothing_the_repository_configures()
    {
        string marker = Path.Combine(_root, "PWNED");
        File.WriteAllText(Path.Combine(_root, ".gitattributes"), "*.md diff=evil\n");
        Git(null, "add", ".gitattributes");
        Git("2026-11-02T12:00:00Z", "commit", "-q", "-m", "attributes");
        foreach (var (key, value) in new[]
        {
            ("diff.evil.textconv", $"sh -c 'touch {marker}-textconv; cat \"$0\"'"),
            ("diff.evil.command", $"sh -c 'touch {marker}-command'"),
            ("diff.external", $"sh -c 'touch {marker}-external'"),
            ("core.fsmonitor", $"sh -c 'touch {marker}-fsmonitor'"),
            ("core.pager", $"sh -c 'touch {marker}-pager; cat'"),
            ("log.showSignature", "true"),
            ("gpg.program", $"sh -c 'touch {marker}-gpg'"),
        })
        {
            Git(null, "config", key, value);
        }

        var workspace = WorkspaceLoader.Load([_root]);
        var document = Assert.Single(workspace.Documents);
        var history = new GitHistory(workspace.Root);
        Assert.Equal(new DateTime(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc), history.CreatedAt(document, document.Items.Single(i => i.Id == "P1-001")));
        _ = workspace.Check(new DateOnly(2026, 11, 10));

        Assert.Empty(Directory.GetFiles(_root, "PWNED*"));
    }

    private void Commit(string date, string text)
    {
        File.WriteAllText(Path.Combine(_root, "TODO.md"), text.ReplaceLineEndings("\n") + "\n");
        Git(null, "add", "TODO.md");
        Git($"{date}T12:00:00Z", "commit", "-q", "-m", $"Items as of {date}");
    }

    private void Git(string? date, params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = "Test", ["GIT_AUTHOR_EMAIL"] = "test@example.org",
            ["GIT_COMMITTER_NAME"] = "Test", ["GIT_COMMITTER_EMAIL"] = "test@example.org",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null", ["GIT_CONFIG_NOSYSTEM"] = "1",
        };
        if (date is not null)
        {
            environment["GIT_AUTHOR_DATE"] = date;
            environment["GIT_COMMITTER_DATE"] = date;
        }

        var (exit, _, error) = Processes.Run("git", args, _root, 60, environment);
        Assert.True(exit == 0, $"git {string.Join(' ', args)} failed: {error}");
    }
}
