using Punchlist.Cli.Json;
using Punchlist.History;
using Punchlist.Reports;
using Punchlist.Json;

namespace Punchlist.Cli.Report;

/// <summary>
/// Everything `punch report` shows, gathered once and rendered as Markdown or HTML. The numbers are
/// the other commands' own documents — <see cref="Status"/> is `punch status --json`,
/// <see cref="History"/> `punch history --json` and <see cref="Window"/> `punch history --since
/// SINCE --json` for the same day — so the report can never disagree with them.
/// </summary>
/// <param name="Name">What the report is about: the workspace's folder name.</param>
/// <param name="NoHistory">Why there is no history (not a git repository, no commit yet), or null.</param>
/// <param name="Changes">What the window added and slipped, from history; null without it.</param>
/// <param name="FellDue">Open items whose due date passed in the window: known from the trackers alone.</param>
/// <param name="OtherLate">Late items of lower or no priority, only counted.</param>
internal sealed record ReportData(
    string Name,
    DateOnly Today,
    DateOnly Since,
    StatusJson Status,
    HistoryJson? History,
    HistoryJson? Window,
    string? NoHistory,
    WindowChanges? Changes,
    IReadOnlyList<ReportItem> FellDue,
    IReadOnlyList<LateItem> Late,
    int OtherLate,
    IReadOnlyList<ClaimLine> FalseClaims,
    IReadOnlyList<ReportItem> Contradicted,
    ReportVerdict Verdict)
{
    public int WindowDays => Today.DayNumber - Since.DayNumber;

    /// <summary>The forecast of all the open items (the one with no group), when history gave one.</summary>
    public ForecastJson? Forecast => History?.Forecasts?.FirstOrDefault(f => f.Group is null);
}

/// <summary>An item named in the report, with what it says about it (a due date, what contradicts it).</summary>
internal sealed record ReportItem(string Address, string Title, string? Priority, string? Owner, string? Due, string Note);

/// <summary>A P0 or P1 item past its due date or its SLA, and the findings that say so.</summary>
internal sealed record LateItem(string Address, string Title, string Priority, string? Owner, string? Due, int? DaysLate, IReadOnlyList<string> Why);

/// <summary>A declared number that does not match the items (PL001), where it is written.</summary>
internal sealed record ClaimLine(string Document, int Line, string Message);
