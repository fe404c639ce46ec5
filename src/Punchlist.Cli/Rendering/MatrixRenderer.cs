using Punchlist.Model;
using Punchlist.Reading.Tables;
using Punchlist.Storage;
using Spectre.Console;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// A status matrix shown as a matrix (`punch show`, `status --explain`): its header, then one line per
/// item with each stage's cell as written and coloured by the state it was read as, and the row's
/// state, so what the reader made of every cell can be checked at a glance.
/// </summary>
internal static class MatrixRenderer
{
    /// <summary>The matrix <paramref name="item"/> is a row of, that row in bold; nothing for other items.</summary>
    public static void Render(IAnsiConsole console, Item item)
    {
        if (item.Table is { Kind: TableKind.Matrix } table && item.Row is not null)
        {
            console.MarkupLine("[bold]Matrix[/]");
            console.Write(Grid(table, Rows(table, [item]), item));
        }
    }

    /// <summary>Every matrix of the documents whose reader notes name one, read again to show it.</summary>
    public static void RenderAll(IAnsiConsole console, IndexedWorkspace workspace, IReadOnlyList<Analysis.DocumentFacts> facts)
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
                console.MarkupLine($"[grey]{Markup.Escape(document.Path)}:{table.Position.Line}:[/] [bold]matrix[/]");
                console.Write(Grid(table, Rows(table, document.Items), null));
            }
        }
    }

    private static List<Item> Rows(TableModel table, IEnumerable<Item> items) =>
        items.Where(i => ReferenceEquals(i.Table, table) && i.Row is not null).ToList();

    private static Table Grid(TableModel table, List<Item> rows, Item? highlight)
    {
        var grid = new Table().Border(TableBorder.Rounded);
        foreach (var cell in table.Header!.Cells)
        {
            grid.AddColumn(Markup.Escape(cell.Text));
        }

        grid.AddColumn("[grey]state[/]");
        foreach (var item in rows)
        {
            var cells = new List<string>();
            for (int c = 0; c < table.Header.Cells.Count; c++)
            {
                var written = c < item.Row!.Cells.Count ? item.Row.Cells[c] : null;
                var criterion = written is null ? null : item.Criteria.FirstOrDefault(b => b.MarkerSpan == written.Span);
                string text = Markup.Escape(written?.Text ?? string.Empty);
                cells.Add(criterion is null
                    ? (ReferenceEquals(item, highlight) ? $"[bold]{text}[/]" : text)
                    : $"{text} {Bars.State(criterion.State)}");
            }

            cells.Add(Bars.State(item.State));
            grid.AddRow(cells.ToArray());
        }

        return grid;
    }
}
