using Punchlist.Editing;
using Punchlist.Text;

namespace Punchlist.Analysis.Findings;

/// <summary>
/// A problem at a place: a stable code, a severity, a message, and — for claims — what was declared,
/// what is true and on which basis. <see cref="Fix"/> holds the edits that make it right when they
/// are safe to apply (a claim's number, a repairable encoding, a status in the document's words).
/// </summary>
public sealed record Finding
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>The document's path relative to the workspace root.</summary>
    public required string Document { get; init; }

    public required TextSpan Span { get; init; }

    public required LinePosition Start { get; init; }

    public required LinePosition End { get; init; }

    public required string Message { get; init; }

    /// <summary>The key of the item the finding is about, if any.</summary>
    public string? Item { get; init; }

    public string? Declared { get; init; }

    public string? Actual { get; init; }

    /// <summary>For a finding that an item is late: the last day it was allowed (its due date, PL003; its SLA's, PL004).</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>What a claim's number counts (`items`, `open items`, `criteria` …).</summary>
    public string? Basis { get; init; }

    public IReadOnlyList<TextEdit> Fix { get; init; } = [];
}
