using Punchlist.Analysis;
using Punchlist.Json;
using Spectre.Console;

namespace Punchlist.Cli.Rendering;

/// <summary>`punch status` as tables: one row per tracker and a total, then priorities (and a chosen grouping).</summary>
internal static class StatusRenderer
{
    public static void Render(IAnsiConsole console, StatusJson report, GroupBy? by)
    {
        if (report.Documents.Count == 0)
        {
            console.MarkupLine("[grey]No trackers found (no Markdown file here holds a task or an item card).[/]");
            return;
        }

        var table = NewTable("Tracker");
        foreach (var d in report.Documents)
        {
            AddRow(table, Markup.Escape(d.Path), d.Items, d.Criteria, d.Progress, d.Overdue, d.Findings);
        }

        var t = report.Totals;
        table.AddEmptyRow();
        AddRow(table, $"[bold]Total ({t.Documents} trackers)[/]", t.Items, t.Criteria, t.Progress, t.Overdue, t.Findings);
        console.Write(table);
        console.MarkupLine($"[grey]Progress counts done items out of items (cancelled left out); criteria are checked boxes inside items; findings are what `punch check` reports. Today is {report.Today}.[/]");
        if (t.Verification.Done > 0)
        {
            console.MarkupLine($"Verified against the repository: [green]{t.Verification.Verified}[/] of {t.Verification.Done} done items, "
                + $"[red]{t.Verification.Contradicted} contradicted[/], {t.Verification.Unknown} without evidence ([grey]punch verify[/] shows why).");
        }

        var priorities = new Table().Border(TableBorder.Rounded).Title("[bold]By priority[/]");
        priorities.AddColumn("Priority");
        priorities.AddColumn(new TableColumn("Items").RightAligned());
        priorities.AddColumn(new TableColumn("Done").RightAligned());
        priorities.AddColumn(new TableColumn("Progress").NoWrap());
        foreach (var (name, count) in t.ByPriority)
        {
            if (count.Total > 0)
            {
                priorities.AddRow(name, count.Total.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Bars.Count(count.Done, "green"), Bars.Progress(count.Done, count.Total));
            }
        }

        console.Write(priorities);
        if (report.Groups is { Count: > 0 } groups && by is not null and not GroupBy.Priority)
        {
            var grouped = NewTable(by.Value.ToString(), findings: false);
            foreach (var g in groups)
            {
                AddRow(grouped, Markup.Escape(g.Name), g.Items, g.Criteria, g.Progress, g.Overdue, null);
            }

            console.Write(grouped);
        }
    }

    private static Table NewTable(string first, bool findings = true)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn(first).NoWrap());
        foreach (string column in new[] { "Items", "Open", "WIP", "Done", "Blocked" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        table.AddColumn(new TableColumn("Progress").NoWrap());
        table.AddColumn(new TableColumn("Criteria").RightAligned());
        table.AddColumn(new TableColumn("Late").RightAligned());
        if (findings)
        {
            table.AddColumn(new TableColumn("Findings").RightAligned());
        }

        return table;
    }

    private static void AddRow(Table table, string name, StateCountsJson items, BoxCountJson criteria, ProgressJson progress, int overdue, FindingCountsJson? findings)
    {
        var cells = new List<string>
        {
            name,
            items.Total.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Bars.Count(items.Open, "default"),
            Bars.Count(items.InProgress, "yellow"),
            Bars.Count(items.Done, "green"),
            Bars.Count(items.Blocked, "red"),
            Bars.Progress(progress.Done, progress.Total),
            criteria.Total == 0 ? "[grey]–[/]" : $"{criteria.Checked}/{criteria.Total}",
            Bars.Count(overdue, "red"),
        };
        if (findings is not null)
        {
            cells.Add(Bars.Count(findings.Total, findings.Error > 0 ? "red" : "yellow"));
        }

        table.AddRow(cells.ToArray());
    }
}
