namespace Punchlist.Cli.Json;

/// <summary>
/// `punchlist.findings/1`: `punch check --json`. <c>Today</c> is the day dates were judged against;
/// <c>Totals</c> counts the findings by severity; <c>Passed</c> is whether none reached `--fail-on`.
/// </summary>
internal sealed record FindingsJson(string Schema, string Today, int Trackers, FindingCountsJson Totals, string FailOn, bool Passed, IReadOnlyList<FindingJson> Findings);

/// <summary>
/// One finding. Lines and columns are 1-based; the end is exclusive (the column after the last
/// character), as SARIF counts. <c>Item</c>, <c>Declared</c>, <c>Actual</c> and <c>Basis</c> are null
/// where they do not apply.
/// </summary>
internal sealed record FindingJson(
    string Code,
    string Name,
    string Severity,
    string Document,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Message,
    string? Item,
    string? Declared,
    string? Actual,
    string? Basis);
