using System.CommandLine;
using Punchlist.Analysis;
using Punchlist.Model;
using Punchlist.Search;

namespace Punchlist.Cli.Commands;

/// <summary>`--state`, `--priority` and `--limit`: the same words for the same ideas on `list` and `search`.</summary>
internal sealed class ItemFilters
{
    public Option<string[]> State { get; } = new("--state")
    {
        Description = "Only items in these states: open, in-progress, done, blocked, cancelled (repeat or comma-separate)",
        HelpName = "open|in-progress|done|blocked|cancelled",
    };

    public Option<string[]> Priority { get; } = new("--priority")
    {
        Description = "Only items of these priorities: P0..P3, none (repeat or comma-separate)",
        HelpName = "P0|P1|P2|P3|none",
    };

    public Option<int?> Limit { get; }

    public ItemFilters(string limitDescription) => Limit = OptionValues.Count("--limit", limitDescription);

    public void AddTo(Command command)
    {
        command.Add(State);
        command.Add(Priority);
        command.Add(Limit);
    }

    public List<Filter> Filters(ParseResult parse)
    {
        var filters = new List<Filter>();
        if (ParseStates(parse.GetValue(State) ?? []) is { Count: > 0 } states)
        {
            filters.Add(new StateFilter(states, 0));
        }

        if (ParsePriorities(parse.GetValue(Priority) ?? []) is { Count: > 0 } ranks)
        {
            filters.Add(new PriorityFilter(ranks, 0));
        }

        return filters;
    }

    private static List<ItemState> ParseStates(string[] values)
    {
        var states = new List<ItemState>();
        foreach (string value in Split(values))
        {
            states.Add(ItemStates.TryParse(value, out var state)
                ? state
                : throw new PunchlistException($"--state expects open, in-progress, done, blocked or cancelled, not '{Rendering.TerminalText.Quote(value)}'"));
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
                : throw new PunchlistException($"--priority expects P0, P1, P2, P3 or none, not '{Rendering.TerminalText.Quote(value)}'"));
        }

        return result;
    }

    private static IEnumerable<string> Split(string[] values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
