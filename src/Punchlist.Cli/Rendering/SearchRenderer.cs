using Punchlist.Model;
using Punchlist.Search;
using Punchlist.Storage.Queries;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// Search results as ripgrep and gh show theirs: per result its address, state, priority and title
/// with the query's words marked, then where it is and the snippet with the matches marked, wrapped
/// under the result's indent; then how many matched.
/// </summary>
internal static class SearchRenderer
{
    private const string Indent = "     ";

    public static void Render(Screen screen, Query query, SearchResults results)
    {
        if (results.Hits.Count == 0)
        {
            screen.Line($"[grey]No item matches {TerminalText.Markup(query.Text)}.[/]");
            return;
        }

        var terms = Terms(query.Root).ToList();
        int number = 0;
        foreach (var hit in results.Hits)
        {
            var item = hit.Item;
            string prefix = $"[grey]{++number,3}.[/] ";
            var head = new List<Span>
            {
                new(TerminalText.Clean($"{hit.Document}#{item.Key}"), "blue"),
                new("  "),
                new(item.State.Name(), Style(item.State)),
            };
            if (item.Priority is { } priority)
            {
                head.Add(new Span($"  {priority.Name}"));
            }

            head.Add(new Span("  "));
            head.AddRange(Marked(TerminalText.Clean(item.Title), terms, "bold"));
            screen.Wrapped(prefix, 5, head);
            string where = $"{hit.Document}:{item.Line}" + (hit.MatchedIn is { } field ? $" · matched in {field.ToString().ToLowerInvariant()}" : string.Empty);
            screen.Wrapped(Indent, Indent.Length, TerminalText.Clean(where), "grey");
            if (hit.Snippet is { } snippet)
            {
                screen.Wrapped(Indent, Indent.Length, Highlight(snippet));
            }
        }

        int shown = results.Hits.Count;
        screen.Line(shown < results.Total
            ? $"[grey]{shown} of {results.Total} matching items (--limit {results.Total} shows them all).[/]"
            : $"[grey]{StatusRenderer.Plural(shown, "matching item")}.[/]");
    }

    private static string? Style(Model.ItemState state) => state switch
    {
        Model.ItemState.Done => "green",
        Model.ItemState.InProgress => "yellow",
        Model.ItemState.Blocked => "red",
        Model.ItemState.Cancelled => "grey",
        _ => null,
    };

    // The words a result is ranked by (not those under a `-`), lower-cased, phrases split.
    private static IEnumerable<string> Terms(QueryNode? node) => node switch
    {
        Words words => words.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()),
        AllOf all => all.Parts.SelectMany(Terms),
        AnyOf any => any.Parts.SelectMany(Terms),
        _ => [],
    };

    // The title with each word that starts with a query word (or its stem) marked.
    private static List<Span> Marked(string title, List<string> terms, string style)
    {
        var spans = new List<Span>();
        int at = 0, start = 0;
        while (at < title.Length)
        {
            if (!char.IsLetterOrDigit(title[at]))
            {
                at++;
                continue;
            }

            int end = at;
            while (end < title.Length && char.IsLetterOrDigit(title[end]))
            {
                end++;
            }

            string word = title[at..end].ToLowerInvariant();
            if (terms.Any(t => word.StartsWith(Stem(t), StringComparison.Ordinal)))
            {
                spans.Add(new Span(title[start..at], style));
                spans.Add(new Span(title[at..end], $"{style} yellow"));
                start = end;
            }

            at = end;
        }

        spans.Add(new Span(title[start..], style));
        return spans;
    }

    // Near enough to the index's stemmer for marking: `backups` and `backup` both mark `backup`.
    private static string Stem(string term) => term.Length > 4 ? term.TrimEnd('s', '*').TrimEnd("ing".ToCharArray()) : term.TrimEnd('*');

    private static List<Span> Highlight(Snippet snippet)
    {
        var spans = new List<Span>();
        int at = 0;
        foreach (var match in snippet.Matches)
        {
            spans.Add(new Span(TerminalText.Clean(snippet.Text[at..match.Start])));
            spans.Add(new Span(TerminalText.Clean(snippet.Text[match]), "yellow bold"));
            at = match.End.Value;
        }

        spans.Add(new Span(TerminalText.Clean(snippet.Text[at..])));
        return spans;
    }
}
