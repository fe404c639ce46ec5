using Punchlist.Analysis.Findings;

namespace Punchlist.Json;

/// <summary>`punchlist.status/1`.</summary>
public sealed record StatusJson(
    string Schema,
    string Today,
    IReadOnlyList<DocumentStatusJson> Documents,
    TotalsJson Totals,
    IReadOnlyList<GroupJson>? Groups)
{
    public const string Version = "punchlist.status/1";
}

public sealed record DocumentStatusJson(
    string Path,
    string? Title,
    StateCountsJson Items,
    BoxCountJson Checkboxes,
    BoxCountJson Criteria,
    IReadOnlyDictionary<string, PriorityCountJson> ByPriority,
    ProgressJson Progress,
    int Overdue,
    int Late,
    FindingCountsJson Findings,
    VerificationJson Verification)
{
    /// <summary>Items open past their SLA (PL004); with the overdue ones (some are both) they make <c>Late</c>.</summary>
    public int PastSla { get; init; }
}

public sealed record TotalsJson(
    int Documents,
    StateCountsJson Items,
    BoxCountJson Checkboxes,
    BoxCountJson Criteria,
    IReadOnlyDictionary<string, PriorityCountJson> ByPriority,
    ProgressJson Progress,
    int Overdue,
    int Late,
    FindingCountsJson Findings,
    VerificationJson Verification)
{
    /// <summary>Items open past their SLA (PL004), over every document.</summary>
    public int PastSla { get; init; }
}

/// <summary>A group of `--by`; <c>Name</c> is null for the items with no owner (or no section).</summary>
public sealed record GroupJson(string By, string? Name, StateCountsJson Items, BoxCountJson Criteria, ProgressJson Progress, int Overdue)
{
    /// <summary>The group's late items: overdue or past their SLA (<see cref="Analysis.Lateness"/>), each once.</summary>
    public int Late { get; init; }
}

public sealed record StateCountsJson(int Total, int Open, int InProgress, int Done, int Blocked, int Cancelled);

public sealed record BoxCountJson(int Total, int Checked);

public sealed record PriorityCountJson(int Total, int Done);

/// <summary>What `punch check` finds in a document (or all of them), by severity.</summary>
public sealed record FindingCountsJson(int Total, int Error, int Warning, int Note)
{
    public static FindingCountsJson Of(CheckCounts counts) => new(counts.Findings, counts.Errors, counts.Warnings, counts.Notes);
}

/// <summary>A progress number and the basis it was counted on (`items`: done items of items, cancelled left out).</summary>
public sealed record ProgressJson(string Basis, int Done, int Total, int? Percent);

/// <summary>Done items judged against the repository's evidence (files and probes; commands never run here).</summary>
public sealed record VerificationJson(int Done, int Verified, int Contradicted, int Unknown)
{
    public static VerificationJson Of(CheckCounts counts) => new(counts.Done, counts.Verified, counts.Contradicted, counts.Unknown);
}
