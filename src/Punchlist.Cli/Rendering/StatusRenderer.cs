using Punchlist.Analysis;
using Punchlist.Json;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// `punch status` as text: one row per tracker and a total — items by state (a column for each state
/// that has items, so a row adds up), progress, criteria, late items, findings by severity — then what
/// is late and whose, priorities, and a chosen grouping.
/// </summary>
internal static class StatusRenderer
{
    /// <param name="lateOwners">The owner of each late item (null: none), each item once.</param>
    public static void Render(Screen screen, StatusJson report, GroupBy? by, IReadOnlyList<string?> lateOwners, string filteredHint)
    {
        if (report.Documents.Count == 0)
        {
            screen.Wrapped(string.Empty, 0, $"No trackers found (no Markdown or Org file here holds a task or an item card{filteredHint}).", "grey");
            return;
        }

        var t = report.Totals;
        var columns = Columns("Tracker", t, findings: true);
        var table = NewTable(columns);
        foreach (var d in report.Documents)
        {
            AddRow(table, columns, new Row(Cell.Text(d.Path), d.Items, d.Criteria, d.Progress, d.Late, d.Findings));
        }

        if (report.Documents.Count > 1)
        {
            table.Rule();
            AddRow(table, columns, new Row(new Cell([new Span($"Total ({Plural(t.Documents, "tracker")})", "bold")], [new Span("Total", "bold")]), t.Items, t.Criteria, t.Progress, t.Late, t.Findings));
        }

        screen.Table(table);
        screen.Wrapped(string.Empty, 0, $"Progress: done of items, cancelled left out · Criteria: boxes checked in items · today {report.Today}", "grey");
        if (t.Verification.Done > 0)
        {
            screen.Wrapped(string.Empty, 0,
            [
                new Span($"Evidence for the {StatusRenderer.Plural(t.Verification.Done, "done item")}: "),
                new Span($"{t.Verification.Verified} verified", "green"),
                new Span(", "),
                new Span($"{t.Verification.Contradicted} contradicted", t.Verification.Contradicted > 0 ? "red" : null),
                new Span($", {t.Verification.Unknown} unknown "),
                new Span("(punch verify)", "grey", Whole: true),
            ]);
        }

        Late(screen, t, lateOwners);
        Priorities(screen, t);
        if (report.Groups is { Count: > 0 } groups && by is not null and not GroupBy.Priority)
        {
            screen.Line();
            var groupColumns = Columns(by.Value.ToString(), t, findings: false);
            var grouped = NewTable(groupColumns);
            foreach (var g in groups)
            {
                var name = g.Name is null ? new Cell([new Span(by == GroupBy.Owner ? "no owner" : "no section", "grey")]) : Cell.Text(g.Name);
                AddRow(grouped, groupColumns, new Row(name, g.Items, g.Criteria, g.Progress, g.Late, null));
            }

            screen.Table(grouped);
        }
    }

    // What is late and whose: every late item's owner (the most first), then why they are late —
    // past their due date, past their SLA (an item can be both) — and the commands that list them.
    private static void Late(Screen screen, TotalsJson totals, IReadOnlyList<string?> owners)
    {
        if (totals.Late == 0)
        {
            return;
        }

        const int Shown = 6;
        var byOwner = owners.GroupBy(o => o).OrderByDescending(g => g.Count()).ThenBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ToList();
        string names = string.Join(", ", byOwner.Take(Shown).Select(g => $"{(g.Key is null ? "no owner" : TerminalText.Clean(g.Key))} {g.Count()}"));
        int more = byOwner.Count - Shown;
        var why = new List<string>(2);
        if (totals.Overdue > 0)
        {
            why.Add($"{totals.Overdue} past the due date");
        }

        if (totals.PastSla > 0)
        {
            why.Add($"{totals.PastSla} past the SLA");
        }

        screen.Line();
        screen.Wrapped(string.Empty, 0,
        [
            new Span($"Late: {Plural(totals.Late, "item")}", "bold red"),
            new Span(byOwner.Count > 0 ? $" ({names}{(more > 0 ? $", {more} more owners" : string.Empty)})" : string.Empty),
            new Span($" — {string.Join(", ", why)}. "),
            new Span(totals.Overdue > 0 ? "punch list is:overdue --sort due" : string.Empty, "grey", Whole: true),
            new Span(totals.Overdue > 0 && totals.PastSla > 0 ? " · " : string.Empty, "grey"),
            new Span(totals.PastSla > 0 ? "punch check --rule PL004" : string.Empty, "grey", Whole: true),
        ]);
    }

    private static void Priorities(Screen screen, TotalsJson totals)
    {
        var table = new TextTable(
            new Column("Priority") { Keep = 100 },
            new Column("Items") { Right = true, Gap = 1, Keep = 90 },
            new Column("Done") { Right = true, Gap = 1, Keep = 80 },
            new Column("Progress") { Keep = 70 });
        foreach (var (name, count) in totals.ByPriority)
        {
            if (count.Total > 0)
            {
                table.Add(name == Grouping.NoPriority ? new Cell([new Span("none", "grey")]) : Cell.Text(name), Cell.Number(count.Total),
                    Count(count.Done, "green"), Progress(count.Done, count.Total));
            }
        }

        screen.Line();
        screen.Table(table);
    }

    // One row of the table: a tracker, the total, or a group.
    private sealed record Row(Cell Name, StateCountsJson Items, BoxCountJson Criteria, ProgressJson Progress, int Late, FindingCountsJson? Findings);

    private sealed record StatusColumn(Column Column, Func<Row, Cell> Cell);

    // A column for each state that has items (so that a row adds up) and each severity found.
    private static List<StatusColumn> Columns(string first, TotalsJson t, bool findings)
    {
        var columns = new List<StatusColumn>
        {
            new(new Column(first) { Cut = Cut.Middle, Min = 16, Comfort = 40, Keep = 100 }, r => r.Name),
            new(new Column("Items") { Right = true, Gap = 1, Keep = 90 }, r => Cell.Number(r.Items.Total)),
        };
        void State(int total, string header, string? shortHeader, int keep, Func<StateCountsJson, int> count, string? color)
        {
            if (total > 0)
            {
                columns.Add(new(new Column(header) { Right = true, Gap = 1, Short = shortHeader, Keep = keep }, r => Count(count(r.Items), color)));
            }
        }

        State(t.Items.Open, "Open", null, 70, c => c.Open, null);
        State(t.Items.InProgress, "WIP", null, 65, c => c.InProgress, "yellow");
        State(t.Items.Done, "Done", null, 75, c => c.Done, "green");
        State(t.Items.Blocked, "Blocked", "Blk", 60, c => c.Blocked, "red");
        State(t.Items.Cancelled, "Cancelled", "Cxl", 45, c => c.Cancelled, "grey");
        columns.Add(new(new Column("Progress") { Keep = 95 }, r => Progress(r.Progress.Done, r.Progress.Total)));
        columns.Add(new(new Column("Criteria") { Right = true, Short = "Crit", Keep = 40 },
            r => r.Criteria.Total == 0 ? new Cell([new Span("–", "grey")]) : Cell.Text($"{r.Criteria.Checked}/{r.Criteria.Total}")));
        columns.Add(new(new Column("Late") { Right = true, Gap = 1, Keep = 85 }, r => Count(r.Late, "red")));
        if (findings)
        {
            columns.Add(new(new Column("Errors") { Right = true, Gap = 1, Short = "Err", Keep = 80 }, r => Count(r.Findings!.Error, "red")));
            columns.Add(new(new Column("Warnings") { Right = true, Gap = 1, Short = "Warn", Keep = 55 }, r => Count(r.Findings!.Warning, "yellow")));
            if (t.Findings.Note > 0)
            {
                columns.Add(new(new Column("Notes") { Right = true, Gap = 1, Keep = 30 }, r => Count(r.Findings!.Note, "blue")));
            }
        }

        return columns;
    }

    private static TextTable NewTable(List<StatusColumn> columns) => new([.. columns.Select(c => c.Column)]);

    private static void AddRow(TextTable table, List<StatusColumn> columns, Row row) => table.Add([.. columns.Select(c => c.Cell(row))]);

    /// <summary>`██░░░░░░░░  22%`, compact `22%`; green when complete, red when nothing is done.</summary>
    public static Cell Progress(int done, int total)
    {
        if (total == 0)
        {
            return new Cell([new Span("–", "grey")]);
        }

        const int Bar = 10;
        int filled = (int)Math.Round((double)Bar * done / total);
        int percent = (int)Math.Floor(100.0 * done / total);
        string color = percent == 100 ? "green" : percent >= 50 ? "yellow" : percent > 0 ? "orange1" : "red";
        var number = new Span($"{percent,3}%");
        return new Cell([new Span(new string('█', filled), color), new Span(new string('░', Bar - filled), "grey"), new Span(" "), number], [number]);
    }

    public static Cell Count(int n, string? color) => n == 0 ? new Cell([new Span("0", "grey")]) : Cell.Number(n, color);

    public static Cell Owner(string? owner) => owner is null ? new Cell([new Span("no owner", "grey")]) : Cell.Text(owner);

    public static string Plural(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}
