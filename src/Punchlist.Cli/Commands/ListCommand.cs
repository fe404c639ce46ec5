using System.CommandLine;
using Punchlist.Analysis;
using Punchlist.Cli.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Model;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Commands;

/// <summary>`punch list`: one row per item, filtered by state and priority.</summary>
internal static class ListCommand
{
    public const string Schema = "punchlist.items/1";

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var paths = GlobalOptions.Paths();
        var state = new Option<string[]>("--state") { Description = "Only items in these states: open, in-progress, done, blocked, cancelled (repeat or comma-separate)" };
        var priority = new Option<string[]>("--priority") { Description = "Only items of these priorities: P0..P3, none (repeat or comma-separate)" };
        var command = new Command("list", "List items, one row each") { paths, state, priority };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            var states = ParseStates(parse.GetValue(state) ?? []);
            var priorities = ParsePriorities(parse.GetValue(priority) ?? []);
            var workspace = context.Load(parse.GetValue(paths), environment);
            var items = workspace.AllItems()
                .Where(m => states.Count == 0 || states.Contains(m.Item.State))
                .Where(m => priorities.Count == 0 || priorities.Contains(Grouping.PriorityOf(m.Item)))
                .ToList();
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

    private static HashSet<ItemState> ParseStates(string[] values)
    {
        var states = new HashSet<ItemState>();
        foreach (string value in Split(values))
        {
            states.Add(ItemStates.TryParse(value, out var state)
                ? state
                : throw new PunchlistException($"--state: '{value}' is not a state (open, in-progress, done, blocked, cancelled)"));
        }

        return states;
    }

    private static HashSet<string> ParsePriorities(string[] values)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (string value in Split(values))
        {
            string name = value.ToUpperInvariant() == "NONE" ? Grouping.NoPriority : value.ToUpperInvariant();
            result.Add(Grouping.PriorityNames.Contains(name)
                ? name
                : throw new PunchlistException($"--priority: '{value}' is not a priority (P0, P1, P2, P3, none)"));
        }

        return result;
    }

    private static IEnumerable<string> Split(string[] values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
