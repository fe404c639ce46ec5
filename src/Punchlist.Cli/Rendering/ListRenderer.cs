using Punchlist.Analysis;
using Punchlist.Search;
using Spectre.Console;

namespace Punchlist.Cli.Rendering;

internal static class ListRenderer
{
    public static void Render(IAnsiConsole console, IReadOnlyList<(string Document, ItemRecord Item)> items, DateOnly today)
    {
        if (items.Count == 0)
        {
            console.MarkupLine("[grey]No items.[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Item", "State", "Prio", "Title", "Criteria", "Due", "Owner");
        foreach (var (document, item) in items)
        {
            string due = item.Due is { } date ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
            table.AddRow(
                $"[blue]{Markup.Escape(document)}[/][grey]#[/]{Markup.Escape(item.Key)}",
                Bars.State(item.State),
                Markup.Escape(item.Priority?.Name ?? string.Empty),
                Markup.Escape(item.Title),
                item.CriteriaTotal == 0 ? string.Empty : $"{item.CriteriaChecked}/{item.CriteriaTotal}",
                Dates.IsOverdue(item.Facts, today) ? $"[red]{due}[/]" : due,
                Markup.Escape(item.Owner ?? string.Empty));
        }

        console.Write(table);
        console.MarkupLine($"[grey]{items.Count} items.[/]");
    }
}
