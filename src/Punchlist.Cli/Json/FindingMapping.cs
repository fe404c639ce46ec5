using Punchlist.Analysis.Findings;

namespace Punchlist.Cli.Json;

/// <summary>From findings to `punchlist.findings/1`.</summary>
internal static class FindingMapping
{
    public const string Schema = "punchlist.findings/1";

    public static FindingJson Json(Finding f) => new(
        f.Code, f.Name, f.Severity.Name(), f.Document, f.Start.Line, f.Start.Column, f.End.Line, f.End.Column,
        f.Message, f.Item, f.Declared, f.Actual, f.Basis);

    public static FindingsJson Report(IReadOnlyList<Finding> findings, int trackers, DateOnly today, string failOn, bool passed) => new(
        Schema,
        JsonMapping.Date(today),
        trackers,
        new FindingCountsJson(findings.Count, findings.Count(f => f.Severity == Severity.Error), findings.Count(f => f.Severity == Severity.Warning), findings.Count(f => f.Severity == Severity.Note)),
        failOn,
        passed,
        findings.Select(Json).ToList());
}
