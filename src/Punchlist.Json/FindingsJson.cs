namespace Punchlist.Json;

/// <summary>`punchlist.findings/1`: `punch check --json`.</summary>
public sealed record FindingsJson(string Schema, IReadOnlyList<FindingJson> Findings)
{
    public const string Version = "punchlist.findings/1";
}

/// <summary>
/// One finding. Lines and columns are 1-based; the end is exclusive (the column after the last
/// character), as SARIF counts. <c>Item</c>, <c>Declared</c>, <c>Actual</c> and <c>Basis</c> are null
/// where they do not apply.
/// </summary>
public sealed record FindingJson(
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
