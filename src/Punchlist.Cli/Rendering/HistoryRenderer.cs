using System.Globalization;
using Punchlist.Cli.Json;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// `punch history` for a terminal, rendered from its JSON model: the burn-up as a table whose last
/// column is the chart (done in green, the rest of the scope in grey, to one scale; the chart is the
/// first thing a narrow terminal gives up), then flow, claims that turned false, and the forecast; or
/// one item's timeline. Prose wraps under its own indent; foreign text is cleaned for the terminal.
/// </summary>
internal static class HistoryRenderer
{
    private const int MostPeriods = 52;
    private const int MostPeriodsPerGroup = 12;
    private const int MostListed = 10;

    public static void Render(Screen screen, HistoryJson report)
    {
        if (!report.Available)
        {
            screen.Wrapped(string.Empty, 0, $"No history: {report.Reason}.");
            return;
        }

        var range = report.History!;
        if (range.Commits == 0 || range.First is null || range.Last is null)
        {
            screen.Line("No commit has changed a tracker here yet.");
            return;
        }

        var selection = report.Selection!;
        var head = new List<Span>
        {
            new($"History of {Count(range.Documents, "tracker")}"),
        };
        if (selection.Paths.Count > 0)
        {
            head.Add(new($" under {TerminalText.Clean(string.Join(", ", selection.Paths))}"));
        }

        head.Add(new($": {Count(range.Commits, "commit")} changed them, {Day(range.First.Date)} "));
        head.Add(new($"({Short(range.First.Id)})", "grey"));
        head.Add(new($" to {Day(range.Last.Date)} "));
        head.Add(new($"({Short(range.Last.Id)})", "grey"));
        head.Add(new(". Items"));
        if (selection.Query is { } q)
        {
            head.Add(new(" matching "));
            head.Add(new(TerminalText.Clean(q), "bold"));
        }

        head.Add(new($", by {report.Interval}:"));
        screen.Wrapped(string.Empty, 0, head);

        BurnUp(screen, report.BurnUp!, report.Interval!, report.By);
        Flow(screen, report.Flow!);
        Claims(screen, report.Claims!);
        Forecasts(screen, report.Forecasts!, report.By);
    }

    private static void BurnUp(Screen screen, IReadOnlyList<BurnUpJson> periods, string interval, string? by)
    {
        if (periods.Count == 0)
        {
            screen.Line("[grey]No item in this selection and period.[/]");
            return;
        }

        foreach (var group in periods.GroupBy(p => p.Group))
        {
            var rows = group.ToList();
            int most = by is null ? MostPeriods : MostPeriodsPerGroup;
            var shown = rows.Skip(Math.Max(0, rows.Count - most)).ToList();
            int scale = Math.Max(1, shown.Max(p => p.Scope));
            if (by is not null)
            {
                screen.Line();
                screen.Line($"[bold]{TerminalText.Markup(by)}: {TerminalText.Markup(group.Key ?? "none")}[/]");
            }

            // The chart takes what the numbers leave (a week's period is 18 cells, four counts about 30).
            int chart = Math.Clamp(screen.Width - 54, 10, 40);
            var table = new TextTable(
                new Column(Capitalised(interval)),
                new Column("Scope") { Right = true, Gap = 2 },
                new Column("Done") { Right = true, Gap = 1 },
                new Column("Added") { Right = true, Gap = 1, Short = "Add", Keep = 40 },
                new Column("Removed") { Right = true, Gap = 1, Short = "Rem", Keep = 40 },
                new Column("Burn-up") { Keep = 10 });
            foreach (var p in shown)
            {
                table.Add(Period(p, interval), Cell.Number(p.Scope), Cell.Number(p.Done, "green"), Signed(p.Added, '+', "yellow"), Signed(p.Removed, '−', "grey"), Chart(p.Done, p.Scope, scale, chart));
            }

            screen.Table(table);
            if (shown.Count < rows.Count)
            {
                screen.Wrapped(string.Empty, 0, $"{rows.Count - shown.Count} earlier {Plural(rows.Count - shown.Count, interval)} not shown (--since chooses; --json has them all).", "grey");
            }
        }

        screen.Wrapped(string.Empty, 0, "Scope: items that exist (an item deleted when done stays done); added, removed: into scope or out of it.", "grey");
    }

    private static void Flow(Screen screen, FlowJson flow)
    {
        screen.Wrapped(string.Empty, 0, [new("Cycle time (first in progress → done): "), .. Durations(flow.CycleTime)]);
        screen.Wrapped(string.Empty, 0, [new("Lead time (appeared → done): "), .. Durations(flow.LeadTime)]);
        var recent = flow.Throughput.Skip(Math.Max(0, flow.Throughput.Count - 12)).ToList();
        if (recent.Count > 0)
        {
            screen.Wrapped(string.Empty, 0, $"Throughput, items done per week (last {Count(recent.Count, "week")}, oldest first): {string.Join(' ', recent.Select(w => w.Done.ToString(CultureInfo.InvariantCulture)))}");
        }

        if (flow.WentBackwards.Count > 0)
        {
            screen.Line($"[yellow]Went backwards from done ({flow.WentBackwards.Count}):[/]");
            foreach (var b in flow.WentBackwards.Take(MostListed))
            {
                screen.Wrapped("  ", 2, [new(TerminalText.Clean(b.Address)), new($" → {b.To}, {Day(b.Commit.Date)} "), new($"({Short(b.Commit.Id)}", "grey"), new($", {TerminalText.Clean(b.Commit.Author)})")]);
            }
        }
    }

    private static void Claims(Screen screen, IReadOnlyList<ClaimTurnJson> claims)
    {
        if (claims.Count == 0)
        {
            return;
        }

        screen.Line($"[red]Claims that were false ({claims.Count}):[/]");
        foreach (var c in claims.Take(MostListed))
        {
            string when = c.NeverTrue ? $"never true, since it was written on {Day(c.FirstSeen.Date)}"
                : $"false since {Day(c.BecameFalse!.Date)} ({Short(c.BecameFalse.Id)}, {TerminalText.Clean(c.BecameFalse.Author)})";
            string now = c.StillFalse ? string.Empty : "; true again later";
            screen.Wrapped("  ", 2, $"{c.Document}: {c.Claim} says {c.Declared} — {when}{now}");
        }

        if (claims.Count > MostListed)
        {
            screen.Line($"[grey]  … and {claims.Count - MostListed} more (--json lists them all).[/]");
        }
    }

    private static void Forecasts(Screen screen, IReadOnlyList<ForecastJson> forecasts, string? by)
    {
        foreach (var f in forecasts)
        {
            string who = by is null ? "All" : $"{by} {f.Group ?? "none"}: all";
            if (f.Remaining == 0)
            {
                screen.Wrapped(string.Empty, 0, $"Forecast — {who} items are done.");
            }
            else if (f.Dates.Count == 0)
            {
                screen.Wrapped(string.Empty, 0, [new($"Forecast — {TerminalText.Clean(who)} {f.Remaining} open {Plural(f.Remaining, "item")}: "), new("no date", "yellow"), new($", too little history ({TerminalText.Clean(f.TooLittle ?? string.Empty)}).")]);
            }
            else
            {
                var spans = new List<Span> { new($"Forecast — {TerminalText.Clean(who)} {f.Remaining} open {Plural(f.Remaining, "item")} done by ") };
                for (int i = 0; i < f.Dates.Count; i++)
                {
                    spans.Add(new(f.Dates[i].Date, "bold"));
                    spans.Add(new($" ({f.Dates[i].Percent} %){(i < f.Dates.Count - 1 ? ", " : "; ")}"));
                }

                spans.Add(new($"{f.Trials:N0} trials over the throughput of {TerminalText.Clean(f.Window)}."));
                if (f.TooLittle is { } beyond)
                {
                    spans.Add(new($" {TerminalText.Clean(beyond)}.", "yellow"));
                }

                screen.Wrapped(string.Empty, 0, spans);
            }
        }
    }

    public static void RenderTimeline(Screen screen, TimelineJson item)
    {
        var head = new List<Span> { new(TerminalText.Clean(item.Address), "bold"), new($" {TerminalText.Clean(item.Title)} — {item.State}") };
        if (item.Priority is { } p)
        {
            head.Add(new($", {p}"));
        }

        if (!item.Present)
        {
            head.Add(new(" (removed)", "grey"));
        }

        screen.Wrapped(string.Empty, 0, head);
        var table = new TextTable(
            new Column("Date"),
            new Column("Commit") { Keep = 30 },
            new Column("Author") { Cut = Cut.End, Min = 8, Comfort = 20, Keep = 40 },
            new Column("Change") { Cut = Cut.End, Min = 20, Comfort = 60 });
        foreach (var entry in item.Entries)
        {
            table.Add(Day(entry.Commit.Date), new Cell([new Span(Short(entry.Commit.Id), "grey")]), Cell.Text(entry.Commit.Author), Cell.Text(string.Join("; ", entry.Changes.Select(Change))));
        }

        screen.Table(table);
        string times = string.Join(", ", item.DaysInState.Select(s => $"{s.Key} {Days(s.Value)}"));
        screen.Wrapped(string.Empty, 0, $"Time in each state: {(times.Length == 0 ? "none" : times)} (until {(item.Present ? Day(item.Until) : "it was removed")}).");
    }

    private static string Change(FieldChangeJson c) => c.Field switch
    {
        "appeared" or "restored" => $"{c.Field}: {c.To}",
        "removed" => $"removed (was {c.From})",
        _ => $"{c.Field} {c.From ?? "none"} → {c.To ?? "none"}",
    };

    private static Span[] Durations(DurationJson d) => d.Count == 0
        ? [new("no item in this selection went through it", "grey")]
        : [new($"median {Days(d.MedianDays!.Value)}, 85th percentile {Days(d.P85Days!.Value)} ({Count(d.Count, "item")})")];

    private static string Days(double days) => $"{days.ToString("0.#", CultureInfo.InvariantCulture)} {(days == 1 ? "day" : "days")}";

    private static string Period(BurnUpJson p, string interval) => interval switch
    {
        "month" => p.Start[..7],
        "week" => $"{p.Start} – {p.End[5..]}",
        _ => p.Start,
    };

    private static Cell Chart(int done, int scope, int scale, int width)
    {
        int total = (int)Math.Round((double)width * scope / scale);
        int filled = Math.Min(total, (int)Math.Round((double)width * done / scale));
        return new Cell([new Span(new string('█', filled), "green"), new Span(new string('░', total - filled), "grey")]);
    }

    private static Cell Signed(int n, char sign, string color) => n == 0 ? new Cell([new Span("0", "grey")]) : new Cell([new Span($"{sign}{n}", color)]);

    private static string Count(int n, string word) => $"{n} {Plural(n, word)}";

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string Day(string date) => date.Length >= 10 ? date[..10] : date;

    private static string Short(string id) => id.Length > 10 ? id[..10] : id;
}
