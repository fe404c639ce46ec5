using Punchlist.Analysis.Policies;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Analysis.Findings;

/// <summary>Everything a rule may look at while checking one document.</summary>
public sealed class RuleContext
{
    public required TrackerDocument Document { get; init; }

    /// <summary>Every document of the workspace, for references that cross documents.</summary>
    public required IReadOnlyList<TrackerDocument> Documents { get; init; }

    /// <summary>The workspace root on disk: where referenced files are looked for.</summary>
    public required string Root { get; init; }

    public required DateOnly Today { get; init; }

    public required CheckPolicy Policy { get; init; }

    public required ICreationClock Clock { get; init; }

    /// <summary>Facts about the whole workspace, computed once per check and shared by every document's context.</summary>
    public required WorkspaceFacts Workspace { get; init; }
    /// <summary>What the workspace holds for or against items (files, probes); shared by every document of a check.</summary>
    public Evidence.WorkspaceEvidence? Evidence { get; init; }

    /// <summary>A finding of <paramref name="rule"/> at <paramref name="span"/> of this document.</summary>
    public Finding Report(RuleInfo rule, TextSpan span, string message, Item? item = null, Severity? severity = null) => new()
    {
        Code = rule.Code,
        Name = rule.Name,
        Severity = severity ?? rule.DefaultSeverity,
        Document = Document.Path,
        Span = span,
        Start = Document.PositionOf(span.Start),
        End = Document.PositionOf(span.End),
        Message = message,
        Item = item?.Key,
    };
}
