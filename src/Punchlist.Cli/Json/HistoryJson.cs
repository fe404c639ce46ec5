using System.Text.Json.Serialization;

namespace Punchlist.Cli.Json;

/// <summary>`punchlist.history/1`: the burn-up, flow, claims and forecast of a selection, or one item's timeline (docs/json.md).</summary>
internal sealed record HistoryJson(
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
internal sealed record HistoryRangeJson(int Commits, CommitJson? First, CommitJson? Last, int Documents);

internal sealed record HistorySelectionJson(string? Query, IReadOnlyList<string> Paths, string? Since, string Until);

internal sealed record CommitJson(string Id, string Date, string Author, string Subject, bool Merge);

internal sealed record BurnUpJson(string Start, string End, string? Group, int Scope, int Done, int Added, int Removed, int Completed, int Reopened);

internal sealed record DurationJson(int Count, double? MedianDays, double? P85Days);

internal sealed record FinishedJson(string Address, string Title, string Appeared, string? Started, string Done, double? CycleDays, double LeadDays);

internal sealed record WentBackJson(string Address, string Title, string To, CommitJson Commit);

internal sealed record WeekJson(string Week, int Done);

internal sealed record FlowJson(DurationJson CycleTime, DurationJson LeadTime, IReadOnlyList<WeekJson> Throughput, IReadOnlyList<FinishedJson> Finished, IReadOnlyList<WentBackJson> WentBackwards);

internal sealed record ClaimTurnJson(string Document, string Claim, string Declared, CommitJson FirstSeen, CommitJson? BecameFalse, bool NeverTrue, bool StillFalse);

internal sealed record ForecastDateJson(int Percent, int Weeks, string Date);

internal sealed record ForecastJson(
    string? Group,
    int Remaining,
    string From,
    IReadOnlyList<WeekJson> Samples,
    string Window,
    int Trials,
    ulong Seed,
    IReadOnlyList<ForecastDateJson> Dates,
    string? TooLittle);

internal sealed record FieldChangeJson(string Field, string? From, string? To);

internal sealed record TimelineEntryJson(CommitJson Commit, string Document, IReadOnlyList<FieldChangeJson> Changes);

internal sealed record TimelineJson(
    string Address,
    string Title,
    string State,
    string? Priority,
    bool Present,
    IReadOnlyList<TimelineEntryJson> Entries,
    IReadOnlyDictionary<string, double> DaysInState,
    string Until);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(HistoryJson))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;
