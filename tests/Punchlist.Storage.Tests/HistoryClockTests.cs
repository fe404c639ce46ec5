using Punchlist.Storage.History;
using Punchlist.Tests.Support;
using Punchlist.Workspaces;

namespace Punchlist.Storage.Tests;

/// <summary>
/// The SLA clock (PL004) and the staleness clock (PL013) read from the history snapshots of a
/// repository built commit by commit: an item was created where it first appeared (also under an
/// older name or ID), last changed where a commit last moved it.
/// </summary>
public sealed class HistoryClockTests : IDisposable
{
    private const string Sla = """
        # Incidents
        **Generated:** 2026-01-01

        | Priority | SLA |
        |----------|-----|
        | P1 | 2 weeks |

        """;

    private readonly GitRepository _repo = new();

    public HistoryClockTests()
    {
        _repo.Write("TODO.md", Sla + "## P1-001: Rotate the leaked key\n").Commit("2026-01-05");
        _repo.Move("TODO.md", "INCIDENTS.md").Commit("2026-03-01", "Rename");
        _repo.Write("INCIDENTS.md", Sla + "## P1-001: Rotate the leaked key\n## P1-002: Add alerting on login failures\n- [ ] Set up the alert\n\n# Chores\n- [ ] Rotate **all** `deploy` keys\n")
            .Commit("2026-11-01");
        File.AppendAllText(_repo.Path("INCIDENTS.md"), "## P1-003: Not committed yet\n");
    }

    public void Dispose() => _repo.Dispose();

    private IReadOnlyList<Analysis.Findings.Finding> Check(DateOnly today)
    {
        var workspace = WorkspaceLoader.Load([_repo.Root]);
        using var clock = HistoryClock.Open(workspace.Root, workspace.Config, new IndexOptions { InMemory = true });
        return workspace.Check(today, clock);
    }

    [Fact]
    public void The_sla_clock_starts_where_the_item_first_appeared_else_at_the_documents_date()
    {
        var breached = Check(new DateOnly(2026, 11, 10)).Where(f => f.Code == "PL004").ToDictionary(f => f.Item!);

        // Committed in January (in a file since renamed): two weeks ran out long ago.
        Assert.Contains("since 2026-01-05 (first commit)", breached["P1-001"].Message, StringComparison.Ordinal);
        // Committed on November 1st: within its two weeks on the 10th, although the document says January.
        Assert.False(breached.ContainsKey("P1-002"));
        // Not committed: the document's Generated date starts the clock.
        Assert.Contains("since 2026-01-01 (the document's Generated: 2026-01-01)", breached["P1-003"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_item_no_commit_has_moved_for_ninety_days_is_stale()
    {
        var stale = Check(new DateOnly(2026, 11, 10)).Where(f => f.Code == "PL013").ToList();
        var finding = Assert.Single(stale);
        Assert.Equal("P1-001", finding.Item);
        Assert.Contains("no commit has changed it for 309 days (since 2026-01-05", finding.Message, StringComparison.Ordinal);
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
            using var clock = HistoryClock.Open(workspace.Root, workspace.Config, new IndexOptions { InMemory = true });
            Assert.Null(clock.CreatedAt(document, document.Items[0]));
            Assert.Null(clock.Past(document, document.Items[0]));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
