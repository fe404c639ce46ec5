using System.Text;
using Punchlist.Storage.Queries;
using Spectre.Console;

namespace Punchlist.Cli.Rendering;

/// <summary>Search results: address, state, priority and title, then where it is and the snippet with matches marked.</summary>
internal static class SearchRenderer
{
    public static void Render(IAnsiConsole console, string query, SearchResults results)
    {
        if (results.Hits.Count == 0)
        {
            console.MarkupLine($"[grey]No item matches {Markup.Escape(query)}.[/]");
            return;
        }

        int number = 0;
        foreach (var hit in results.Hits)
        {
            var item = hit.Item;
            console.MarkupLine($"[grey]{++number,3}.[/] [blue]{Markup.Escape(hit.Document)}[/][grey]#[/]{Markup.Escape(item.Key)}  {Bars.State(item.State)}  {Markup.Escape(item.Priority?.Name ?? "–")}  [bold]{Markup.Escape(item.Title)}[/]");
            string where = $"{hit.Document}:{item.Line}" + (hit.MatchedIn is { } field ? $" · matched in {field.ToString().ToLowerInvariant()}" : string.Empty);
            console.MarkupLine($"     [grey]{Markup.Escape(where)}[/]");
            if (hit.Snippet is { } snippet)
            {
                console.MarkupLine($"     {Highlight(snippet)}");
            }
        }

        console.MarkupLine($"[grey]{results.Hits.Count} of {results.Total} matching items.[/]");
    }

    private static string Highlight(Snippet snippet)
    {
        var text = new StringBuilder();
        int at = 0;
        foreach (var match in snippet.Matches)
        {
            text.Append(Markup.Escape(snippet.Text[at..match.Start])).Append("[yellow bold]").Append(Markup.Escape(snippet.Text[match])).Append("[/]");
            at = match.End.Value;
        }

        return text.Append(Markup.Escape(snippet.Text[at..])).ToString();
    }
}
