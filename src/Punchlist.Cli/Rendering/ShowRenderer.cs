using Punchlist.Json;
using Punchlist.Model;
using Spectre.Console;

namespace Punchlist.Cli.Rendering;

internal static class ShowRenderer
{
    private const int ExcerptLines = 12;

    public static void Render(IAnsiConsole console, TrackerDocument document, Item item, ItemDetailJson detail)
    {
        var json = detail.Item;
        console.MarkupLine($"[bold]{Markup.Escape(item.Title)}[/]");
        console.MarkupLine($"[blue]{Markup.Escape(json.Address)}[/]  [grey]{Markup.Escape(document.Path)}:{json.Line}:{json.Column} · {json.Kind}[/]");

        var facts = new Table().Border(TableBorder.None).HideHeaders();
        facts.AddColumns("", "");
        facts.AddRow("[grey]State[/]", Bars.State(item.State) + (item.Status is null ? string.Empty : $" [grey](declared: {Markup.Escape(item.Status.Raw)})[/]"));
        AddFact(facts, "Priority", item.Priority is null ? null : $"{item.Priority.Name} ({item.Priority.Label}, from {item.Priority.Source.ToString().ToLowerInvariant()})");
        AddFact(facts, "Owner", item.Owner);
        AddFact(facts, "Due", json.Due is null ? null : json.Overdue ? $"{json.Due} (overdue)" : json.Due);
        AddFact(facts, "Effort", item.Effort is null ? null : item.Effort.Hours is null ? item.Effort.Text : $"{item.Effort.Text} ({item.Effort.Hours} h)");
        AddFact(facts, "Category", item.Category);
        AddFact(facts, "Section", json.SectionPath.Count == 0 ? null : string.Join(" › ", json.SectionPath));
        AddFact(facts, "Criteria", item.Criteria.Count == 0 ? null : $"{item.CriteriaChecked}/{item.CriteriaTotal} checked");
        foreach (var field in item.Fields.Where(f => f.Kind == FieldKind.Custom && f.HasValue).Take(8))
        {
            AddFact(facts, field.Key, field.Value);
        }

        console.Write(facts);
        if (detail.CriteriaList.Count > 0)
        {
            console.MarkupLine("[bold]Criteria[/]");
            foreach (var (box, number) in item.Criteria.Select((c, i) => (c, i + 1)))
            {
                console.MarkupLine($"  {new string(' ', 2 * box.Depth)}[grey]{number,2}.[/] {Bars.Box(box)} {Markup.Escape(box.Text)}");
            }
        }

        if (item.References.Count > 0)
        {
            console.MarkupLine("[bold]References[/]");
            foreach (var reference in item.References)
            {
                console.MarkupLine($"  [grey]{reference.Role.ToString().ToLowerInvariant(),-8}[/] {Markup.Escape(reference.Target)}");
            }
        }

        console.MarkupLine("[bold]Source[/]");
        var lines = detail.Source.Excerpt.Split('\n');
        for (int i = 0; i < Math.Min(lines.Length, ExcerptLines); i++)
        {
            console.MarkupLine($"[grey]{detail.Source.StartLine + i,5} │[/] {Markup.Escape(lines[i].TrimEnd('\r'))}");
        }

        if (lines.Length > ExcerptLines)
        {
            console.MarkupLine($"[grey]      … {lines.Length - ExcerptLines} more lines (to line {detail.Source.EndLine})[/]");
        }
    }

    private static void AddFact(Table table, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            table.AddRow($"[grey]{Markup.Escape(name)}[/]", Markup.Escape(value));
        }
    }
}
