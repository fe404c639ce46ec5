using System.Text.Json;
using System.Text.RegularExpressions;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Report;

/// <summary>`punch report` on a repository whose every change is known (<see cref="ReportRepository"/>), and without history.</summary>
public sealed partial class ReportCommandTests : IClassFixture<ReportRepository>
{
    private readonly ReportRepository _repo;

    public ReportCommandTests(ReportRepository repo) => _repo = repo;

    private (int Exit, string Out, string Err) Run(params string[] args) => Punch.RunIn(_repo.Root, ["report", "--today", ReportRepository.Today, .. args]);

    private JsonElement Json(params string[] args)
    {
        var (exit, output, error) = Punch.RunIn(_repo.Root, [.. args, "--json", "--today", ReportRepository.Today]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void The_markdown_opens_with_the_verdict_and_its_reasons()
    {
        var (exit, output, error) = Run("--since", "7d");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        string[] lines = output.Split('\n');
        Assert.Equal("# Tracker report: " + Path.GetFileName(_repo.Root) + ", 2026-11-21", lines[0]);
        Assert.Equal("**Off track.** 1 P0 item is late: past its due date or SLA.", lines[2]);
        Assert.Contains("- 1 P1 item is late.", output, StringComparison.Ordinal);
        Assert.Contains("- 1 number the trackers declare does not match their items.", output, StringComparison.Ordinal);
        Assert.Contains("- 1 done item was reopened in the last 7 days.", output, StringComparison.Ordinal);
        Assert.Contains("| Items | 13 in 1 tracker |", output, StringComparison.Ordinal);
        Assert.Contains("| Done | 8 of 13 (61 %; cancelled left out) |", output, StringComparison.Ordinal);
    }

    [Fact]
    public void What_changed_in_the_window_comes_from_the_history()
    {
        var (_, output, _) = Run("--since", ReportRepository.Since);
        Assert.Contains("## Since 2026-11-14 (7 days)", output, StringComparison.Ordinal);
        Assert.Contains("From the git history: 1 item finished, 1 added, 1 reopened, 1 pushed back; 1 fell due.", output, StringComparison.Ordinal);
        Assert.Contains("- `PLAN.md#P1-006` Service dashboards: done 2026-11-17", output, StringComparison.Ordinal);
        Assert.Contains("- `PLAN.md#P1-013` Load test at twice the peak (P1), 2026-11-15 by Carol", output, StringComparison.Ordinal);
        Assert.Contains("- `PLAN.md#P1-004` Alerts page the on-call: now open, 2026-11-16 by Bob", output, StringComparison.Ordinal);
        Assert.Contains("- `PLAN.md#P0-003` Per-tenant rate limits (P0, Luis): due 2026-11-30 → 2026-12-15", output, StringComparison.Ordinal);
        Assert.Contains("- `PLAN.md#P1-005` Runbooks for failover: fell due 2026-11-18", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Late_P0_and_P1_items_are_listed_with_their_owners_and_the_false_claim_where_it_is_written()
    {
        var (_, output, _) = Run();
        Assert.Matches(@"\| `PLAN\.md#P0-001` Backups restore in under an hour \| P0 \| Luis \| 2026-10-01 \| 51 days \| .+ \|", output);
        Assert.Matches(@"\| `PLAN\.md#P1-005` Runbooks for failover \| P1 \| \*\*nobody\*\* \| 2026-11-18 \| 3 days \| .+ \|", output);
        Assert.Matches(@"- `PLAN\.md:3`: .*20", output);
        Assert.Contains("## Forecast", output, StringComparison.Ordinal);
        Assert.Matches(@"5 open items done by \d{4}-\d\d-\d\d \(50 % likely\), \d{4}-\d\d-\d\d \(85 % likely\)", output);
    }

    [Fact]
    public void Every_number_the_html_marks_is_the_one_punch_status_and_punch_history_give_for_the_same_day()
    {
        var (exit, html, _) = Run("--format", "html", "--since", ReportRepository.Since);
        Assert.Equal(0, exit);
        var sources = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["status"] = Json("status"),
            ["history"] = Json("history"),
            ["window"] = Json("history", "--since", ReportRepository.Since),
        };

        var marked = Marked().Matches(html).Select(m => (Source: m.Groups[1].Value, Path: m.Groups[2].Value, Text: m.Groups[3].Value)).ToList();
        foreach (var (source, path, text) in marked)
        {
            Assert.True(ReportRepository.ValueAt(sources[source], path) == text, $"data-{source}=\"{path}\" shows {text}, but the JSON says {ReportRepository.ValueAt(sources[source], path)}");
        }

        // The headline, every priority and tracker row, the window and the forecast are all among them.
        string[] expected = ["status totals.items.total", "status totals.progress.percent", "status totals.late", "status totals.findings.error", "status totals.verification.verified",
            "status totals.byPriority.P0.done", "status totals.byPriority.P2.total", "status documents[0].progress.percent", "window flow.finished.length",
            "window flow.wentBackwards.length", "history forecasts[0].dates[1].date"];
        Assert.All(expected, e => Assert.Contains(e, marked.Select(m => $"{m.Source} {m.Path}")));
        Assert.Equal("1", marked.Single(m => m.Path == "flow.finished.length").Text);
    }

    [Fact]
    public void The_html_is_one_file_that_fetches_nothing_and_runs_nothing()
    {
        var (_, html, _) = Run("--format", "html");
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(src|href)\s*=", html);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"burnup\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_goes_to_the_file_named_and_nothing_to_standard_output()
    {
        string file = Path.Combine(Path.GetTempPath(), $"punch-report-{Guid.NewGuid():N}.html");
        try
        {
            var (exit, output, error) = Run("--format", "html", "--output", file);
            Assert.Equal((0, string.Empty, string.Empty), (exit, output, error));
            Assert.Equal(Run("--format", "html").Out, File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--since", "soon", "punch: --since expects days or weeks back (7d, 2w) or a date as YYYY-MM-DD, not 'soon'")]
    [InlineData("--since", "2026-12-01", "punch: --since 2026-12-01 is not before today (2026-11-21)")]
    [InlineData("--format", "pdf", "punch: --format expects md or html, not 'pdf'")]
    [InlineData("--json", null, "punch: punch report writes Markdown or HTML; the numbers as JSON are punch status --json and punch history --json")]
    public void A_mistake_is_one_line_and_exit_2(string option, string? value, string message)
    {
        var (exit, output, error) = Run(value is null ? [option] : [option, value]);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(message + "\n", error);
    }

    [Fact]
    public void Without_history_the_report_says_so_and_lists_what_fell_due()
    {
        using var workspace = new TempWorkspace().CopyFrom(Path.Combine(Repo.Root, "samples"));
        var (exit, output, _) = Punch.RunIn(workspace.Root, "report", "--today", ReportRepository.Today, "--since", "30d");
        Assert.Equal(0, exit);
        Assert.Contains("No history: ", output, StringComparison.Ordinal);
        Assert.Contains("cannot be told from the trackers alone", output, StringComparison.Ordinal);
        Assert.Contains("`ROADMAP.md#MH-002` Per-tenant rate limits (Luis): fell due 2026-11-10", output, StringComparison.Ordinal);
        Assert.Contains("No forecast without history", output, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing was finished", output, StringComparison.OrdinalIgnoreCase); // no pace is judged without history
    }

    [GeneratedRegex("data-(status|history|window)=\"([^\"]+)\">([^<]*)<")]
    private static partial Regex Marked();
}
