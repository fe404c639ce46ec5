using Punchlist.Analysis;
using Punchlist.Analysis.Findings;
using Punchlist.Cli.Commands;
using Punchlist.Cli.Json;
using Punchlist.Evidence;
using Punchlist.History;
using Punchlist.Model;
using Punchlist.Reports;
using Punchlist.Search;
using Punchlist.Storage.History;
using Punchlist.Workspaces;
using Punchlist.Json;

namespace Punchlist.Cli.Report;

/// <summary>
/// Gathers a <see cref="ReportData"/> from one scan of the index: `punch status`'s numbers, exactly as
/// that command computes them; the findings and evidence `punch check` and `punch verify` give, for the
/// lists; and, in a git repository, `punch history`'s burn-up, flow and forecast.
/// </summary>
internal static class ReportBuilder
{
    public static ReportData Build(CommandContext context, string[]? paths, DateOnly since, CliEnvironment environment)
    {
        var today = context.Today;

        // One scan, each tracker read once: the model the lists need (the documents the scan parsed,
        // the rest read now), then status's numbers from the index, checking only what changed.
        StatusJson status;
        Workspace workspace;
        using (var indexed = context.Scan(paths, environment, factsOnly: true, keepDocuments: true))
        {
            workspace = indexed.Model();
            var checks = indexed.Checks(today);
            context.Warn(checks.Warnings);
            status = StatusMapping.Build(indexed.Summaries, null, checks.ByPath, null, today);
        }

        if (workspace.Documents.Count == 0)
        {
            throw new PunchlistException($"no tracker here to report on (no Markdown or Org file holds a task or an item card{Trackers.FilteredHint(workspace.Config)})");
        }

        var evidence = workspace.Evidence();
        IReadOnlyList<Finding> findings;
        using (var clock = HistoryClock.Open(workspace.Root, workspace.Config, context.IndexOptionsFor(workspace.Root)))
        {
            findings = workspace.Check(today, clock, evidence);
        }

        context.Warn(evidence.Warnings());
        var (late, otherLate) = Late(workspace, findings, today);
        var claims = findings.Where(f => f.Code == "PL001").Select(f => new ClaimLine(f.Document, f.Start.Line, f.Message)).ToList();
        var contradicted = Contradicted(workspace, evidence);
        var fellDue = workspace.AllItems()
            .Where(p => p.Item.Due is { } due && due.Date >= since && Dates.IsOverdue(p.Item, today))
            .Select(p => Item(p.Document, p.Item, $"fell due {JsonMapping.Date(p.Item.Due!.Date)}"))
            .ToList();

        var scopes = (paths ?? []).Select(p => Discovery.Relative(workspace.Root, Path.GetFullPath(p, environment.WorkingDirectory)))
            .Where(r => r != ".").ToList();
        var (history, window, changes, noHistory) = FromHistory(context, workspace, scopes, since);

        var open = status.Totals.Items.Open + status.Totals.Items.InProgress + status.Totals.Items.Blocked;
        var latestDue = workspace.AllItems().Where(p => !p.Item.State.IsClosed()).Select(p => p.Item.Due?.Date).Max();
        var forecast85 = history?.Forecasts?.FirstOrDefault(f => f.Group is null)?.Dates.FirstOrDefault(d => d.Percent == 85)?.Date;
        var verdict = ReportVerdict.Of(new VerdictInputs(
            open,
            late.Count(l => l.Priority == "P0"),
            late.Count(l => l.Priority == "P1"),
            claims.Count,
            status.Totals.Verification.Contradicted,
            window?.Flow?.WentBackwards.Count ?? 0,
            window?.Flow?.Finished.Count,
            today.DayNumber - since.DayNumber,
            forecast85 is null ? null : DateOnly.ParseExact(forecast85, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            latestDue));

        return new ReportData(Path.GetFileName(workspace.Root.TrimEnd(Path.DirectorySeparatorChar)), today, since, status, history, window, noHistory, changes,
            fellDue, late, otherLate, claims, contradicted, verdict);
    }

    // punch history --json, and with --since, over the same paths; and what the window added and slipped.
    private static (HistoryJson?, HistoryJson?, WindowChanges?, string?) FromHistory(CommandContext context, Workspace workspace, List<string> scopes, DateOnly since)
    {
        using var index = HistoryIndex.Open(workspace.Root, workspace.Config, context.IndexOptionsFor(workspace.Root));
        if (index.State != HistoryState.Ready)
        {
            return (null, null, null, index.Reason);
        }

        var reader = index.Reader;
        var today = context.Today;
        var selection = HistorySelection.Of(Query.Parse(string.Empty, new QueryContext(today)), scopes);
        var history = HistoryReport.Build(reader, new HistoryRequest(selection, string.Empty, scopes, HistoryInterval.Week, null, today, null), today);
        var window = HistoryReport.Build(reader, new HistoryRequest(selection, string.Empty, scopes, HistoryInterval.Week, since, today, null), today);
        if (history.History is not { Commits: > 0 })
        {
            return (null, null, null, $"no commit up to {JsonMapping.Date(today)} changed these trackers.");
        }

        var changes = WindowChangesOf.Compute(reader.Events(), selection, since, today);
        return (history, window, changes, null);
    }

    // The P0 and P1 items past their due date or SLA, each once with every finding that says so; the rest only counted.
    private static (List<LateItem>, int) Late(Workspace workspace, IReadOnlyList<Finding> findings, DateOnly today)
    {
        var documents = workspace.Documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        var late = new List<LateItem>();
        int others = 0;
        foreach (var group in findings.Where(f => CheckCounts.LateCodes.Contains(f.Code) && f.Item is not null).GroupBy(f => (f.Document, f.Item)))
        {
            var document = documents[group.Key.Document];
            var item = document.Items.FirstOrDefault(i => i.Key == group.Key.Item);
            if (item?.Priority is not { Rank: <= 1 } priority)
            {
                others++;
                continue;
            }

            int? days = item.Due is { } due && due.Date < today ? today.DayNumber - due.Date.DayNumber : null;
            late.Add(new LateItem(Workspace.Address(document, item), item.Title, priority.Name, item.Owner, item.Due is { } d ? JsonMapping.Date(d.Date) : null, days,
                [.. group.Select(f => f.Message)]));
        }

        late.Sort((a, b) => a.Priority != b.Priority ? string.CompareOrdinal(a.Priority, b.Priority) : (b.DaysLate ?? 0).CompareTo(a.DaysLate ?? 0));
        return (late, others);
    }

    private static List<ReportItem> Contradicted(Workspace workspace, WorkspaceEvidence evidence) =>
        [.. workspace.AllItems()
            .Where(p => p.Item.State == ItemState.Done)
            .Select(p => (p.Document, p.Item, Judged: evidence.For(p.Document, p.Item)))
            .Where(p => p.Judged.Verdict == Verdict.Contradicted)
            .Select(p => Item(p.Document, p.Item, string.Join("; ", p.Judged.Failing.Select(r => r.Detail))))];

    private static ReportItem Item(TrackerDocument document, Item item, string note) =>
        new(Workspace.Address(document, item), item.Title, item.Priority?.Name, item.Owner, item.Due is { } d ? JsonMapping.Date(d.Date) : null, note);
}
