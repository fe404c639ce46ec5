using System.CommandLine;
using Punchlist.Analysis;
using Punchlist.Cli.Json;
using Punchlist.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Model;
using Punchlist.Search;

namespace Punchlist.Cli.Commands;

/// <summary>`punch list [QUERY]`: one row per item, filtered by the query language, state and priority.</summary>
internal static class ListCommand
{
    public const string Schema = ItemsJson.Version;

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var query = new Argument<string?>("query")
        {
            Description = "Only items matching this query (see docs/query.md); taken as a path when a file or folder of that name exists",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var paths = GlobalOptions.Paths();
        var state = new Option<string[]>("--state") { Description = "Only items in these states: open, in-progress, done, blocked, cancelled (repeat or comma-separate)" };
        var priority = new Option<string[]>("--priority") { Description = "Only items of these priorities: P0..P3, none (repeat or comma-separate)" };
        var command = new Command("list", "List items, one row each") { query, paths, state, priority };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            var filters = new List<Filter>();
            if (ParseStates(parse.GetValue(state) ?? []) is { Count: > 0 } states)
            {
                filters.Add(new StateFilter(states, 0));
            }

            if (ParsePriorities(parse.GetValue(priority) ?? []) is { Count: > 0 } ranks)
            {
                filters.Add(new PriorityFilter(ranks, 0));
            }

            var (text, targets) = QueryOrPath(parse.GetValue(query), parse.GetValue(paths) ?? []);
            _ = Query.Parse(text, new QueryContext(context.Today)); // a malformed query fails before any scan
            using var workspace = context.Scan(targets, environment);
            var parsed = Query.Parse(text, new QueryContext(context.Today, workspace.Config.HoursPerDay));
            var items = workspace.Search(parsed, also: filters).Hits.Select(h => (h.Document, h.Item)).ToList();
            if (context.Json)
            {
                JsonOutput.Write(context.Out, new ItemsJson(Schema, JsonMapping.Date(context.Today), items.Select(m => JsonMapping.Item(m.Document, m.Item, context.Today)).ToList()));
            }
            else
            {
                ListRenderer.Render(context.Console, items, context.Today);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    // `punch list docs/` keeps working: a first argument naming an existing file or folder is a path.
    private static (string Query, string[] Paths) QueryOrPath(string? first, string[] paths) =>
        first is null ? (string.Empty, paths)
            : File.Exists(first) || Directory.Exists(first) ? (string.Empty, [first, .. paths])
            : (first, paths);

    private static List<ItemState> ParseStates(string[] values)
    {
        var states = new List<ItemState>();
        foreach (string value in Split(values))
        {
            states.Add(ItemStates.TryParse(value, out var state)
                ? state
                : throw new PunchlistException($"--state: '{value}' is not a state (open, in-progress, done, blocked, cancelled)"));
        }

        return states;
    }

    private static List<int?> ParsePriorities(string[] values)
    {
        var result = new List<int?>();
        foreach (string value in Split(values))
        {
            string name = value.ToUpperInvariant() == "NONE" ? Grouping.NoPriority : value.ToUpperInvariant();
            result.Add(Grouping.PriorityNames.Contains(name)
                ? name == Grouping.NoPriority ? null : name[1] - '0'
                : throw new PunchlistException($"--priority: '{value}' is not a priority (P0, P1, P2, P3, none)"));
        }

        return result;
    }

    private static IEnumerable<string> Split(string[] values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
