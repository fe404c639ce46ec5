using System.CommandLine;
using Punchlist.Analysis;
using Punchlist.Cli.Json;
using Punchlist.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Model;
using Punchlist.Search;

namespace Punchlist.Cli.Commands;

/// <summary>`punch list [QUERY]`: one line per item, filtered by the query language, state and priority, sorted, limited.</summary>
internal static class ListCommand
{
    public const string Schema = ItemsJson.Version;

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var query = new Argument<string?>("query")
        {
            Description = "Only items matching this query (words, is:overdue, owner:NAME, due:<DATE …; punch search --help); a path when a file or folder of that name exists",
            HelpName = "QUERY",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var paths = GlobalOptions.Paths();
        var filters = new ItemFilters("Show at most N items (default: all)");
        var sort = OptionValues.Choice("--sort", "Order: document (default; ranked when the query has words), due (earliest first), priority (P0 first) or state", ["document", "due", "priority", "state"]);
        var command = new Command("list", "List items, one line each, grouped by document") { query, paths, sort };
        filters.AddTo(command);
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            var (text, targets) = QueryOrPath(parse.GetValue(query), parse.GetValue(paths) ?? [], environment);
            _ = Query.Parse(text, new QueryContext(context.Today)); // a malformed query fails before any scan
            var also = filters.Filters(parse);
            // Each workspace the paths lie in with its own index and punchlist.yml (see status).
            var scans = context.ScanEach(targets, environment);
            using var disposal = new StatusCommand.Disposal([.. scans.Select(s => s.Workspace)]);
            var parsed = Ordered(Query.Parse(text, new QueryContext(context.Today, scans[0].Workspace.Config.HoursPerDay)), parse.GetValue(sort));
            // The index sorts and limits, so a short list of a large workspace fetches only its lines;
            // the lists of several workspaces are then merged in the same order.
            int? limit = parse.GetValue(filters.Limit);
            var results = scans.Select(s => (s.Prefix, Results: s.Workspace.Search(parsed, limit, also))).ToList();
            int total = results.Sum(r => r.Results.Total);
            var items = Sorted(results.SelectMany(r => r.Results.Hits.Select(h => (r.Prefix + h.Document, h.Item))), parse.GetValue(sort)).Take(limit ?? int.MaxValue).ToList();

            if (context.Json)
            {
                JsonOutput.Write(context.Out, new ItemsJson(Schema, JsonMapping.Date(context.Today), items.Select(m => JsonMapping.Item(m.Document, m.Item, context.Today)).ToList()));
            }
            else if (total == 0)
            {
                bool typo = text.Length > 0 && !text.Contains(':', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal);
                context.Screen.Line(text.Length == 0
                    ? "[grey]No items.[/]"
                    : $"[grey]No item matches {TerminalText.Markup(text)}{(typo ? " (and no file or folder has that name)" : string.Empty)}.[/]");
            }
            else
            {
                ListRenderer.Render(context.Screen, items, total, context.Today, grouped: parse.GetValue(sort) is null or "document" && !parsed.IsRanked, PastSla(context, scans, items));
            }

            if (context.Explain)
            {
                Explain(context, [.. scans.SelectMany(s => s.Workspace.Documents.Select(d => d with { Path = s.Prefix + d.Path }))]);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>`--explain` on list and search: the reader's notes, after the text or on stderr beside JSON.</summary>
    internal static void Explain(CommandContext context, IReadOnlyList<Analysis.DocumentFacts> documents)
    {
        if (context.Json)
        {
            NotesRenderer.Warn(context, documents);
        }
        else
        {
            NotesRenderer.Render(context.Screen, documents);
        }
    }

    // The listed items past their SLA, by document and place: from the check counts `punch status`
    // keeps (served from the index when nothing they depend on changed), and only when some listed
    // item is open with a priority, the only items an SLA applies to.
    private static Dictionary<(string, int), SlaBreach> PastSla(CommandContext context, List<(Storage.IndexedWorkspace Workspace, string Prefix)> scans, IReadOnlyList<(string Document, ItemRecord Item)> items)
    {
        var result = new Dictionary<(string, int), SlaBreach>();
        if (!items.Any(i => i.Item.Priority is not null && !i.Item.State.IsClosed()))
        {
            return result;
        }

        foreach (var (workspace, prefix) in scans)
        {
            var checks = workspace.Checks(context.Today);
            context.Warn(checks.Warnings);
            foreach (var (path, counts) in checks.ByPath)
            {
                foreach (var breach in counts.PastSla)
                {
                    result[(prefix + path, breach.Ordinal)] = breach;
                }
            }
        }

        return result;
    }

    // `--sort` is the query's order (`sort:due` …), replacing one the query gives; `document` keeps the query's.
    private static Query Ordered(Query query, string? sort) => sort switch
    {
        "due" => query with { Sort = new SortOrder(SortKey.Due, false) },
        "priority" => query with { Sort = new SortOrder(SortKey.Priority, false) },
        "state" => query with { Sort = new SortOrder(SortKey.State, false) },
        _ => query,
    };

    private static IEnumerable<(string Document, ItemRecord Item)> Sorted(IEnumerable<(string Document, ItemRecord Item)> items, string? sort) => sort switch
    {
        "due" => items.OrderBy(i => i.Item.Due is null).ThenBy(i => i.Item.Due),
        "priority" => items.OrderBy(i => i.Item.Priority?.Rank ?? int.MaxValue),
        "state" => items.OrderBy(i => i.Item.State.Urgency()),
        _ => items,
    };

    // `punch list docs/` keeps working: a first argument naming an existing file or folder is a path.
    private static (string Query, string[] Paths) QueryOrPath(string? first, string[] paths, CliEnvironment environment) =>
        first is null ? (string.Empty, paths)
            : Path.Exists(Path.GetFullPath(first, environment.WorkingDirectory)) ? (string.Empty, [first, .. paths])
            : (first, paths);
}
