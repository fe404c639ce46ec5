using System.Globalization;
using Punchlist.Analysis;
using Punchlist.Model;

namespace Punchlist.Cli.Rendering;

/// <summary>Dates and states in words, so that what colour says is also said without it.</summary>
internal static class Wording
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A due date as a list shows it: `11d late` when it passed with the item open, else `SLA +3d` when
    /// the item is past its SLA (<see cref="Lateness"/>), `today`, or the date.
    /// </summary>
    public static Cell Due(DateOnly? due, Lateness late, DateOnly today) => (due, late) switch
    {
        (_, { DaysOverdue: { } days }) => Cell.Text($"{days}d late", "red"),
        (_, { DaysPastSla: { } days }) => Cell.Text($"SLA +{days}d", "red"),
        (null, _) => Cell.Empty,
        ({ } date, _) when date == today => Cell.Text("today", "yellow"),
        ({ } date, _) => Cell.Text(Date(date)),
    };

    /// <summary>A state in a table; compact (`wip`, `blkd`, `cxl`) when the table is narrow.</summary>
    public static Cell State(ItemState state) => state switch
    {
        ItemState.Done => StateCell("done", "done", "green"),
        ItemState.InProgress => StateCell("in-progress", "wip", "yellow"),
        ItemState.Blocked => StateCell("blocked", "blkd", "red"),
        ItemState.Cancelled => StateCell("cancelled", "cxl", "grey"),
        _ => StateCell("open", "open", null),
    };

    private static Cell StateCell(string name, string compact, string? style) => new([new Span(name, style)], [new Span(compact, style)]);

    public static string StateMarkup(ItemState state) => state switch
    {
        ItemState.Done => "[green]done[/]",
        ItemState.InProgress => "[yellow]in-progress[/]",
        ItemState.Blocked => "[red]blocked[/]",
        ItemState.Cancelled => "[grey]cancelled[/]",
        _ => "open",
    };

    /// <summary>What a list shows to name an item in its document: its ID, else `L12`, the line it is on (an address: `doc.md#L12`).</summary>
    public static string ShortKey(string? id, string key, int line) => id ?? (key.Length <= 16 && !key.Contains('/', StringComparison.Ordinal) ? key : $"L{line}");
}
