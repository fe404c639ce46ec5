using Punchlist.Analysis;
using Punchlist.Search;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// `punch list`: one line per item, grouped by document — short key, state, priority, title cut to
/// fit, criteria, due (`12d late` in words; `SLA +3d` for an item past its SLA alone), owner — then
/// how many there were.
/// </summary>
internal static class ListRenderer
{
    /// <param name="pastSla">The listed items past their SLA, by document and place (<see cref="ItemRecord.Ordinal"/>).</param>
    public static void Render(Screen screen, IReadOnlyList<(string Document, ItemRecord Item)> items, int total, DateOnly today, bool grouped, IReadOnlyDictionary<(string, int), SlaBreach> pastSla)
    {
        // Plain: each record names its document, so a line means the same on its own.
        grouped &= !screen.Plain;
        var table = new TextTable(
            // Ungrouped (sorted, ranked), the item is its whole address: cut in the middle, as a path,
            // so that the key at its end stays and the other columns are not all dropped for it.
            grouped ? new Column("Item") { Keep = 100 } : new Column("Item") { Cut = Cut.Middle, Min = 20, Comfort = 40, Keep = 100 },
            new Column("State") { Keep = 80 },
            new Column("Prio") { Keep = 70 },
            new Column("Title") { Cut = Cut.End, Min = 20, Comfort = 40, Keep = 90 },
            new Column("Criteria") { Right = true, Short = "Crit", Keep = 40 },
            new Column("Due") { Right = true, Keep = 75 },
            new Column("Owner") { Cut = Cut.End, Min = 8, Comfort = 14, Keep = 60 });
        string? document = null;
        foreach (var (path, item) in items)
        {
            if (grouped && path != document)
            {
                document = path;
                int count = items.Count(i => i.Document == path);
                table.Heading(items.Count < total
                    ? [new Span(TerminalText.Clean(path), "bold blue")]
                    : [new Span(TerminalText.Clean(path), "bold blue"), new Span($" · {StatusRenderer.Plural(count, "item")}", "grey")]);
            }

            string key = grouped ? "  " + TerminalText.Clean(Wording.ShortKey(item.Id, item.Key, item.Line)) : TerminalText.Clean($"{path}#{item.Key}");
            table.Add(
                new Cell([new Span(key, grouped ? null : "blue")]),
                Wording.State(item.State),
                item.Priority is { } p ? Cell.Text(p.Name) : Cell.Empty,
                Cell.Text(item.Title),
                item.CriteriaTotal == 0 ? Cell.Empty : Cell.Text($"{item.CriteriaChecked}/{item.CriteriaTotal}"),
                Wording.Due(item.Due, Lateness.Of(item.Facts, pastSla.GetValueOrDefault((path, item.Ordinal)), today), today),
                Cell.Text(item.Owner));
        }

        screen.Table(table);
        if (screen.Plain)
        {
            return;
        }

        screen.Line(items.Count < total
            ? $"[grey]{items.Count} of {StatusRenderer.Plural(total, "item")} (--limit {total} shows them all).[/]"
            : $"[grey]{StatusRenderer.Plural(total, "item")}.[/]");
    }
}
