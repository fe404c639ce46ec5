using Punchlist.Json;
using Punchlist.Evidence;
using Punchlist.Model;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// `punch verify` as text: the summary first, then the items by what matters most — contradicted,
/// may be done, verified, unknown — each with the evidence behind it, wrapped under its indent.
/// Cancelled items are left out (the JSON keeps them).
/// </summary>
internal static class VerifyRenderer
{
    public static void Render(Screen screen, IReadOnlyList<ItemEvidence> items, EvidenceTotalsJson totals, bool explain)
    {
        if (screen.Plain)
        {
            Records(screen, items);
            return;
        }

        screen.Wrapped(string.Empty, 0,
        [
            new Span($"{StatusRenderer.Plural(totals.Items, "item")}, {totals.WithEvidence} with evidence. Done: {totals.Done} — "),
            new Span($"{totals.Verified} verified", "green"),
            new Span(", "),
            new Span($"{totals.Contradicted} contradicted", totals.Contradicted > 0 ? "red" : null),
            new Span($", {totals.Unknown} unknown. Not done: "),
            new Span($"{totals.ContradictedCriteria} with a ticked criterion contradicted", totals.ContradictedCriteria > 0 ? "red" : null),
            new Span(", "),
            new Span($"{totals.MayBeDone} may be done", totals.MayBeDone > 0 ? "cyan" : null),
            new Span("."),
        ]);

        var shown = items.Where(i => i.Item.State != ItemState.Cancelled && (i.Records.Count > 0 || (explain && i.Matches.Count > 0))).ToList();
        Section(screen, "Contradicted", shown.Where(i => i.Verdict == Evidence.Verdict.Contradicted), explain);
        Section(screen, "May be done", shown.Where(i => i.Verdict != Evidence.Verdict.Contradicted && i.MayBeDone), explain);
        Section(screen, "Verified", shown.Where(i => i.Verdict == Evidence.Verdict.Verified && !i.MayBeDone), explain);
        Section(screen, "Unknown", shown.Where(i => i.Verdict == Evidence.Verdict.Unknown && !i.MayBeDone), explain);
    }

    private static void Section(Screen screen, string title, IEnumerable<ItemEvidence> items, bool explain)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        screen.Line();
        screen.Line($"[bold]{title}[/] [grey]({list.Count})[/]");
        foreach (var item in list)
        {
            screen.Wrapped($"  {Verdict(item.Verdict)} ", 4,
            [
                new Span(TerminalText.Clean($"{item.Document.Path}#{item.Item.Key}"), "blue"),
                new Span("  "),
                new Span(TerminalText.Clean(item.Item.Title)),
                new Span($" ({item.Item.State.Name()}, line {item.Item.Position.Line})", "grey"),
            ]);
            foreach (var record in item.Records)
            {
                Record(screen, record, "      ");
            }

            if (explain)
            {
                foreach (var match in item.Matches)
                {
                    string where = match.Criterion is { } c ? $"criterion {c}" : "the item";
                    screen.Wrapped("      ", 6, TerminalText.Clean($"why {match.Probe}: {where} — {match.Reason}"), "grey");
                }
            }
        }
    }

    /// <summary>
    /// `--plain`: one record per piece of evidence, in the order the text shows items (contradicted, may
    /// be done, verified, unknown), each naming its item, so a line means the same on its own.
    /// </summary>
    private static void Records(Screen screen, IReadOnlyList<ItemEvidence> items)
    {
        var table = new TextTable(new Column("Verdict"), new Column("Item"), new Column("State"), new Column("Line"), new Column("Title"),
            new Column("Ok"), new Column("Kind"), new Column("Ref"), new Column("Where"), new Column("Detail"));
        var shown = items.Where(i => i.Item.State != ItemState.Cancelled && i.Records.Count > 0)
            .OrderBy(i => i.Verdict == Evidence.Verdict.Contradicted ? 0 : i.MayBeDone ? 1 : i.Verdict == Evidence.Verdict.Verified ? 2 : 3);
        foreach (var item in shown)
        {
            string verdict = item.MayBeDone && item.Verdict != Evidence.Verdict.Contradicted ? "may-be-done" : item.Verdict.Name();
            foreach (var record in item.Records)
            {
                table.Add(verdict, Cell.Text($"{item.Document.Path}#{item.Item.Key}"), item.Item.State.Name(), Cell.Number(item.Item.Position.Line), Cell.Text(item.Item.Title),
                    record.Ok switch { true => "pass", false => "fail", _ => "none" }, record.Kind.ToString().ToLowerInvariant(), Cell.Text(record.Ref),
                    Cell.Text(Where(record, every: true)), Cell.Text(record.Detail));
            }
        }

        screen.Table(table);
    }

    /// <summary>One piece of evidence: whether it holds, its kind and reference, where, and what was found; a command's last lines below it.</summary>
    public static void Record(Screen screen, EvidenceRecord record, string indent)
    {
        screen.Wrapped($"{indent}{Ok(record.Ok)} [grey]{record.Kind.ToString().ToLowerInvariant(),-7}[/] ", indent.Length + 10,
        [
            new Span(TerminalText.Clean(record.Ref)),
            new Span(TerminalText.Clean(On(record)), "grey"),
            new Span("  "),
            new Span(TerminalText.Clean(record.Detail), "grey"),
        ]);
        foreach (string line in record.Output)
        {
            screen.Wrapped($"{indent}      [grey]│[/] ", indent.Length + 8, TerminalText.Clean(line), "grey");
        }
    }

    public static void RenderCatalogue(Screen screen, ProbeCatalogueJson catalogue)
    {
        var table = new TextTable(
            new Column("Probe") { Keep = 100 },
            new Column("Area") { Keep = 60 },
            new Column("Checks") { Cut = Cut.End, Min = 16, Comfort = 40, Keep = 90 },
            new Column("Matches items saying") { Cut = Cut.End, Min = 12, Comfort = 30, Keep = 50 });
        foreach (var probe in catalogue.Probes)
        {
            table.Add(Cell.Text(probe.Id), Cell.Text(probe.Area), Cell.Text(probe.Title), Cell.Text(probe.Terms, "grey"));
        }

        screen.Table(table);
        screen.Line($"[grey]{StatusRenderer.Plural(catalogue.Probes.Count, "probe")}.[/]");
    }

    public static string Verdict(Verdict verdict) => verdict switch
    {
        Evidence.Verdict.Verified => "[green]✓[/]",
        Evidence.Verdict.Contradicted => "[red]✗[/]",
        _ => "[grey]?[/]",
    };

    private static string Ok(bool? ok) => ok switch
    {
        true => "[green]✓[/]",
        false => "[red]✗[/]",
        _ => "[grey]·[/]",
    };

    private static string On(EvidenceRecord record) => Where(record, every: false) is { Length: > 0 } where ? $" ({where})" : string.Empty;

    // Where the evidence is: its criterion, line and the files a probe cites (the first three unless every).
    private static string Where(EvidenceRecord record, bool every)
    {
        var where = new List<string>();
        if (record.Criterion is { } c)
        {
            where.Add($"criterion {c}");
        }

        if (record.Source is { } source)
        {
            where.Add($"line {source.Line}");
        }

        if (record.Citations.Count > 0 && record.Kind == EvidenceKind.Probe)
        {
            int shown = every ? record.Citations.Count : 3;
            where.Add(string.Join(", ", record.Citations.Take(shown).Select(x => x.ToString())) + (record.Citations.Count > shown ? " …" : string.Empty));
        }

        return string.Join("; ", where);
    }
}
