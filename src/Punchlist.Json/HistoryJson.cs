namespace Punchlist.Json;

/// <summary>`punchlist.history/1`: the burn-up, flow, claims and forecast of a selection, or one item's timeline (docs/json.md).</summary>
public sealed record HistoryJson(
    string Schema,
    string Today,
    bool Available,
    string? Reason,
    HistoryRangeJson? History,
    HistorySelectionJson? Selection,
    string? Interval,
    string? By,
    IReadOnlyList<BurnUpJson>? BurnUp,
    FlowJson? Flow,
    IReadOnlyList<ClaimTurnJson>? Claims,
    IReadOnlyList<ForecastJson>? Forecasts,
    TimelineJson? Item,
    IReadOnlyList<string>? Candidates);

/// <summary>What history was read: the commits that changed trackers, the first and the last.</summary>
public sealed record HistoryRangeJson(int Commits, CommitJson? First, CommitJson? Last, int Documents);

public sealed record HistorySelectionJson(string? Query, IReadOnlyList<string> Paths, string? Since, string Until);

public sealed record CommitJson(string Id, string Date, string Author, string Subject, bool Merge);

public sealed record BurnUpJson(string Start, string End, string? Group, int Scope, int Done, int Added, int Removed, int Completed, int Reopened);

public sealed record DurationJson(int Count, double? MedianDays, double? P85Days);

public sealed record FinishedJson(string Address, string Title, string Appeared, string? Started, string Done, double? CycleDays, double LeadDays);

public sealed record WentBackJson(string Address, string Title, string To, CommitJson Commit);

public sealed record WeekJson(string Week, int Done);

public sealed record FlowJson(DurationJson CycleTime, DurationJson LeadTime, IReadOnlyList<WeekJson> Throughput, IReadOnlyList<FinishedJson> Finished, IReadOnlyList<WentBackJson> WentBackwards);

public sealed record ClaimTurnJson(string Document, string Claim, string Declared, CommitJson FirstSeen, CommitJson? BecameFalse, bool NeverTrue, bool StillFalse);

public sealed record ForecastDateJson(int Percent, int Weeks, string Date);

public sealed record ForecastJson(
    string? Group,
    int Remaining,
    string From,
    IReadOnlyList<WeekJson> Samples,
    string Window,
    int Trials,
    ulong Seed,
    IReadOnlyList<ForecastDateJson> Dates,
    string? TooLittle);

public sealed record FieldChangeJson(string Field, string? From, string? To);

public sealed record TimelineEntryJson(CommitJson Commit, string Document, IReadOnlyList<FieldChangeJson> Changes);

public sealed record TimelineJson(
    string Address,
    string Title,
    string State,
    string? Priority,
    bool Present,
    IReadOnlyList<TimelineEntryJson> Entries,
    IReadOnlyDictionary<string, double> DaysInState,
    string Until);
