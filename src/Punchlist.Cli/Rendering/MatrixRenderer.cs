using Punchlist.Model;
using Punchlist.Reading.Tables;
using Punchlist.Storage;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// A status matrix shown as a matrix (`punch show`, `status --explain`): its header, then one line per
/// item with each stage's cell as written and the state it was read as, and the row's state, so what
/// the reader made of every cell can be checked at a glance.
/// </summary>
internal static class MatrixRenderer
{
    /// <summary>The matrix <paramref name="item"/> is a row of, with that row alone; nothing for other items.</summary>
    public static void Render(Screen screen, Item item)
    {
        if (item.Table is { Kind: TableKind.Matrix } table && item.Row is not null)
        {
            screen.Line();
            screen.Line($"[bold]Matrix[/] [grey](line {table.Position.Line})[/]");
            screen.Table(Grid(table, [item]));
        }
    }

    /// <summary>Every matrix of the documents whose reader notes name one, read again to show it.</summary>
    public static void RenderAll(Screen screen, IndexedWorkspace workspace, IReadOnlyList<Analysis.DocumentFacts> facts)
    {
        var paths = facts.Where(f => f.Notes.Any(n => n.Message.StartsWith(TableNotes.MatrixPrefix, StringComparison.Ordinal)))
            .Select(f => f.Path).ToList();
        if (paths.Count == 0)
        {
            return;
        }

        foreach (var document in workspace.Load(paths).Documents)
        {
            foreach (var table in document.Tables.Where(t => t.Kind == TableKind.Matrix))
            {
                screen.Line();
                screen.Line($"[grey]{TerminalText.Markup(document.Path)}:{table.Position.Line}:[/] [bold]matrix[/]");
                screen.Table(Grid(table, document.Items.Where(i => ReferenceEquals(i.Table, table) && i.Row is not null).ToList()));
            }
        }
    }

    private static TextTable Grid(TableModel table, IReadOnlyList<Item> rows)
    {
        var header = table.Header!.Cells;
        var columns = header.Select((c, i) => new Column(TerminalText.Clean(c.Text)) { Cut = i == 0 ? Cut.End : Cut.Never, Keep = i == 0 ? 90 : 60 })
            .Append(new Column("state") { Keep = 100 }).ToArray();
        var grid = new TextTable(columns);
        foreach (var item in rows)
        {
            var cells = new List<Cell>();
            for (int c = 0; c < header.Count; c++)
            {
                var written = c < item.Row!.Cells.Count ? item.Row.Cells[c] : null;
                var criterion = written is null ? null : item.Criteria.FirstOrDefault(b => b.MarkerSpan == written.Span);
                cells.Add(criterion is null
                    ? Cell.Text(written?.Text)
                    : new Cell([new Span(TerminalText.Clean(written!.Text) + " "), .. Wording.State(criterion.State).Spans]));
            }

            cells.Add(Wording.State(item.State));
            grid.Add([.. cells]);
        }

        return grid;
    }
}
