using Punchlist.Json;
using Punchlist.Evidence;
using Punchlist.Model;
using Spectre.Console;

namespace Punchlist.Cli.Rendering;

/// <summary>`punch verify` as text: per document, each item with evidence, its verdict and the evidence lines.</summary>
internal static class VerifyRenderer
{
    public static void Render(IAnsiConsole console, IReadOnlyList<ItemEvidence> items, EvidenceTotalsJson totals, bool explain)
    {
        foreach (var document in items.Where(i => i.Records.Count > 0 || (explain && i.Matches.Count > 0)).GroupBy(i => i.Document.Path, StringComparer.Ordinal))
        {
            console.MarkupLine($"[bold]{Markup.Escape(document.Key)}[/]");
            foreach (var item in document)
            {
                string hint = item.MayBeDone ? " [cyan](may be done)[/]" : string.Empty;
                console.MarkupLine($"  {Verdict(item.Verdict)}  {Markup.Escape(item.Item.Key)}  {Markup.Escape(item.Item.Title)} [grey]({item.Item.State.Name()}, line {item.Item.Position.Line})[/]{hint}");
                foreach (var record in item.Records)
                {
                    console.MarkupLine($"      {Ok(record.Ok)} {record.Kind.ToString().ToLowerInvariant(),-7} {Markup.Escape(record.Ref)}{On(record)}  [grey]{Markup.Escape(record.Detail)}[/]");
                    foreach (string line in record.Output)
                    {
                        console.MarkupLine($"            [grey]│ {Markup.Escape(line)}[/]");
                    }
                }

                if (explain)
                {
                    foreach (var match in item.Matches)
                    {
                        string where = match.Criterion is { } c ? $"criterion {c}" : "the item";
                        console.MarkupLine($"      [grey]why {Markup.Escape(match.Probe)}: {Markup.Escape(where)} — {Markup.Escape(match.Reason)}[/]");
                    }
                }
            }

            console.WriteLine();
        }

        console.MarkupLine($"{totals.Items} items, {totals.WithEvidence} with evidence. Done: {totals.Done} — [green]{totals.Verified} verified[/], "
            + $"[red]{totals.Contradicted} contradicted[/], {totals.Unknown} unknown. Not done: [red]{totals.ContradictedCriteria} with a ticked criterion contradicted[/], "
            + $"[cyan]{totals.MayBeDone} may be done[/].");
    }

    public static void RenderCatalogue(IAnsiConsole console, ProbeCatalogueJson catalogue)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Probe");
        table.AddColumn("Area");
        table.AddColumn("Checks");
        table.AddColumn("Matches items saying");
        foreach (var probe in catalogue.Probes)
        {
            table.AddRow(Markup.Escape(probe.Id), probe.Area, Markup.Escape(probe.Title), Markup.Escape(probe.Terms));
        }

        console.Write(table);
        console.MarkupLine($"[grey]{catalogue.Probes.Count} probes.[/]");
    }

    private static string Verdict(Verdict verdict) => verdict switch
    {
        Evidence.Verdict.Verified => "[green]✓ verified    [/]",
        Evidence.Verdict.Contradicted => "[red]✗ contradicted[/]",
        _ => "[grey]? unknown     [/]",
    };

    private static string Ok(bool? ok) => ok switch
    {
        true => "[green]✓[/]",
        false => "[red]✗[/]",
        _ => "[grey]·[/]",
    };

    private static string On(EvidenceRecord record)
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
            where.Add(string.Join(", ", record.Citations.Take(3).Select(x => x.ToString())) + (record.Citations.Count > 3 ? " …" : string.Empty));
        }

        return where.Count == 0 ? string.Empty : $" [grey]({Markup.Escape(string.Join("; ", where))})[/]";
    }
}
