using Punchlist.Analysis.Findings;

namespace Punchlist.Json;

public static class FindingMapping
{
    public static FindingJson Json(Finding f) => new(
        f.Code, f.Name, f.Severity.Name(), f.Document, f.Start.Line, f.Start.Column, f.End.Line, f.End.Column,
        f.Message, f.Item, f.Declared, f.Actual, f.Basis);
}
