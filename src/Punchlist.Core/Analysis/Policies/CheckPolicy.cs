using Punchlist.Analysis.Findings;

namespace Punchlist.Analysis.Policies;

/// <summary>What punchlist.yml says about checking: rules off or re-graded, SLAs per priority, review cadence, staleness.</summary>
public sealed record CheckPolicy
{
    public static readonly CheckPolicy Default = new();

    /// <summary>Per code: null turns the rule off; a severity replaces the rule's own.</summary>
    public IReadOnlyDictionary<string, Severity?> Rules { get; init; } = new Dictionary<string, Severity?>(StringComparer.Ordinal);

    /// <summary>SLA per priority name (`P0`…`P3`), used when a document states none.</summary>
    public IReadOnlyDictionary<string, Duration> Sla { get; init; } = new Dictionary<string, Duration>(StringComparer.Ordinal);

    /// <summary>How often a document must be reviewed when it states no cadence of its own.</summary>
    public Duration Review { get; init; } = new(0, 90 * 24, "90 days");

    /// <summary>How long an open item may go unchanged by any commit before PL013 calls it stale.</summary>
    public Duration Stale { get; init; } = new(0, 90 * 24, "90 days");

    public double SprintDays { get; init; } = 14;

    public bool IsOff(string code) => Rules.TryGetValue(code, out var severity) && severity is null;
}
