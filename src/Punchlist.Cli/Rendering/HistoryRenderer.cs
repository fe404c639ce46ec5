using System.Globalization;
using Punchlist.Cli.Json;
using Spectre.Console;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// `punch history` for a terminal, rendered from its JSON model: the burn-up as a table whose last
/// column is the chart (done in green, the rest of the scope in grey, to one scale), then flow,
/// claims that turned false, and the forecast; or one item's timeline.
/// </summary>
internal static class HistoryRenderer
{
    private const int ChartWidth = 32;
    private const int MostPeriods = 52;
    private const int MostPeriodsPerGroup = 12;
    private const int MostListed = 10;

    public static void Render(IAnsiConsole console, HistoryJson report)
    {
        if (!report.Available)
        {
            console.WriteLine($"No history: {report.Reason}.");
            return;
        }

        var range = report.History!;
        if (range.Commits == 0 || range.First is null || range.Last is null)
        {
            console.WriteLine("No commit has changed a tracker here yet.");
            return;
        }

        var selection = report.Selection!;
        string what = selection.Query is { } q ? $" matching [bold]{Markup.Escape(q)}[/]" : string.Empty;
        string where = selection.Paths.Count > 0 ? $" under {Markup.Escape(string.Join(", ", selection.Paths))}" : string.Empty;
        console.MarkupLine($"History of {range.Documents} {Plural(range.Documents, "tracker")}{where}: {range.Commits} {Plural(range.Commits, "commit")} changed them, "
            + $"{Day(range.First.Date)} ([grey]{Short(range.First.Id)}[/]) to {Day(range.Last.Date)} ([grey]{Short(range.Last.Id)}[/]). Items{what}, by {report.Interval}:");

        BurnUp(console, report.BurnUp!, report.Interval!, report.By);
        Flow(console, report.Flow!);
        Claims(console, report.Claims!);
        Forecasts(console, report.Forecasts!, report.By);
    }

    private static void BurnUp(IAnsiConsole console, IReadOnlyList<BurnUpJson> periods, string interval, string? by)
    {
        if (periods.Count == 0)
        {
            console.MarkupLine("[grey]No item in this selection and period.[/]");
            return;
        }

        foreach (var group in periods.GroupBy(p => p.Group))
        {
            var rows = group.ToList();
            int most = by is null ? MostPeriods : MostPeriodsPerGroup;
            var shown = rows.Skip(Math.Max(0, rows.Count - most)).ToList();
            int scale = Math.Max(1, shown.Max(p => p.Scope));
            var table = new Table().Border(TableBorder.Rounded);
            if (by is not null)
            {
                table.Title($"[bold]{Markup.Escape(by)}: {Markup.Escape(group.Key ?? string.Empty)}[/]");
            }

            table.AddColumn(new TableColumn(Capitalised(interval)).NoWrap());
            foreach (string column in new[] { "Scope", "Done", "Added", "Removed" })
            {
                table.AddColumn(new TableColumn(column).RightAligned());
            }

            table.AddColumn(new TableColumn("Burn-up").NoWrap());
            foreach (var p in shown)
            {
                table.AddRow(Period(p, interval), Number(p.Scope), Bars.Count(p.Done, "green"), Signed(p.Added, '+', "yellow"), Signed(p.Removed, '−', "grey"), Chart(p.Done, p.Scope, scale));
            }

            console.Write(table);
            if (shown.Count < rows.Count)
            {
                console.MarkupLine($"[grey]{rows.Count - shown.Count} earlier {Plural(rows.Count - shown.Count, interval)} not shown (--since chooses; --json has them all).[/]");
            }
        }

        console.MarkupLine("[grey]Scope: items that exist (an item deleted when done stays done); added, removed: into scope or out of it.[/]");
    }

    private static void Flow(IAnsiConsole console, FlowJson flow)
    {
        console.MarkupLine($"Cycle time (first in progress → done): {Durations(flow.CycleTime)}");
        console.MarkupLine($"Lead time (appeared → done): {Durations(flow.LeadTime)}");
        var recent = flow.Throughput.Skip(Math.Max(0, flow.Throughput.Count - 12)).ToList();
        if (recent.Count > 0)
        {
            console.MarkupLine($"Throughput, items done per week (last {recent.Count} {Plural(recent.Count, "week")}, oldest first): {string.Join(' ', recent.Select(w => w.Done.ToString(CultureInfo.InvariantCulture)))}");
        }

        if (flow.WentBackwards.Count > 0)
        {
            console.MarkupLine($"[yellow]Went backwards from done ({flow.WentBackwards.Count}):[/]");
            foreach (var b in flow.WentBackwards.Take(MostListed))
            {
                console.MarkupLine($"  {Markup.Escape(b.Address)} → {b.To}, {Day(b.Commit.Date)} ([grey]{Short(b.Commit.Id)}[/], {Markup.Escape(b.Commit.Author)})");
            }
        }
    }

    private static void Claims(IAnsiConsole console, IReadOnlyList<ClaimTurnJson> claims)
    {
        if (claims.Count == 0)
        {
            return;
        }

        console.MarkupLine($"[red]Claims that were false ({claims.Count}):[/]");
        foreach (var c in claims.Take(MostListed))
        {
            string when = c.NeverTrue ? $"never true, since it was written on {Day(c.FirstSeen.Date)}"
                : $"false since {Day(c.BecameFalse!.Date)} ([grey]{Short(c.BecameFalse.Id)}[/], {Markup.Escape(c.BecameFalse.Author)})";
            string now = c.StillFalse ? string.Empty : "; true again later";
            console.MarkupLine($"  {Markup.Escape(c.Document)}: {Markup.Escape(c.Claim)} says {Markup.Escape(c.Declared)} — {when}{now}");
        }

        if (claims.Count > MostListed)
        {
            console.MarkupLine($"[grey]  … and {claims.Count - MostListed} more (--json lists them all).[/]");
        }
    }

    private static void Forecasts(IAnsiConsole console, IReadOnlyList<ForecastJson> forecasts, string? by)
    {
        foreach (var f in forecasts)
        {
            string who = by is null ? "All" : $"{Markup.Escape(by)} {Markup.Escape(f.Group ?? string.Empty)}: all";
            if (f.Remaining == 0)
            {
                console.MarkupLine($"Forecast — {who} items are done.");
            }
            else if (f.Dates.Count == 0)
            {
                console.MarkupLine($"Forecast — {who} {f.Remaining} open {Plural(f.Remaining, "item")}: [yellow]no date[/], too little history ({Markup.Escape(f.TooLittle ?? string.Empty)}).");
            }
            else
            {
                string dates = string.Join(", ", f.Dates.Select(d => $"[bold]{d.Date}[/] ({d.Percent} %)"));
                console.MarkupLine($"Forecast — {who} {f.Remaining} open {Plural(f.Remaining, "item")} done by {dates}; {f.Trials:N0} trials over the throughput of {Markup.Escape(f.Window)}."
                    + (f.TooLittle is { } beyond ? $" [yellow]{Markup.Escape(beyond)}.[/]" : string.Empty));
            }
        }
    }

    public static void RenderTimeline(IAnsiConsole console, TimelineJson item)
    {
        string priority = item.Priority is { } p ? $", {p}" : string.Empty;
        string present = item.Present ? string.Empty : " [grey](removed)[/]";
        console.MarkupLine($"[bold]{Markup.Escape(item.Address)}[/] {Markup.Escape(item.Title)} — {item.State}{priority}{present}");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Date").NoWrap());
        table.AddColumn(new TableColumn("Commit").NoWrap());
        table.AddColumn(new TableColumn("Author").NoWrap());
        table.AddColumn("Change");
        foreach (var entry in item.Entries)
        {
            table.AddRow(Day(entry.Commit.Date), $"[grey]{Short(entry.Commit.Id)}[/]", Markup.Escape(entry.Commit.Author),
                Markup.Escape(string.Join("; ", entry.Changes.Select(Change))));
        }

        console.Write(table);
        string times = string.Join(", ", item.DaysInState.Select(s => $"{s.Key} {Days(s.Value)}"));
        console.MarkupLine($"Time in each state: {(times.Length == 0 ? "none" : times)} (until {(item.Present ? Day(item.Until) : "it was removed")}).");
    }

    private static string Change(FieldChangeJson c) => c.Field switch
    {
        "appeared" or "restored" => $"{c.Field}: {c.To}",
        "removed" => $"removed (was {c.From})",
        _ => $"{c.Field} {c.From ?? "none"} → {c.To ?? "none"}",
    };

    private static string Durations(DurationJson d) => d.Count == 0
        ? "[grey]no item in this selection went through it[/]"
        : $"median {Days(d.MedianDays!.Value)}, 85th percentile {Days(d.P85Days!.Value)} ({d.Count} {Plural(d.Count, "item")})";

    private static string Days(double days) => $"{days.ToString("0.#", CultureInfo.InvariantCulture)} {(days == 1 ? "day" : "days")}";

    private static string Period(BurnUpJson p, string interval) => interval switch
    {
        "month" => p.Start[..7],
        "week" => $"{p.Start} – {p.End[5..]}",
        _ => p.Start,
    };

    private static string Chart(int done, int scope, int scale)
    {
        int total = (int)Math.Round((double)ChartWidth * scope / scale);
        int filled = Math.Min(total, (int)Math.Round((double)ChartWidth * done / scale));
        return $"[green]{new string('█', filled)}[/][grey]{new string('░', total - filled)}[/]";
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Signed(int n, char sign, string color) => n == 0 ? "[grey]0[/]" : $"[{color}]{sign}{n}[/]";

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string Day(string date) => date.Length >= 10 ? date[..10] : date;

    private static string Short(string id) => id.Length > 10 ? id[..10] : id;
}
