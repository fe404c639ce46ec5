using Punchlist.Analysis.Policies;
using Punchlist.Evidence;
using Punchlist.Model;

namespace Punchlist.Analysis.Findings;

/// <summary>One document's findings, in position order, and what checking it consulted besides the document.</summary>
public sealed record DocumentCheck(TrackerDocument Document, IReadOnlyList<Finding> Findings, Consulted Consulted);

/// <summary>Runs a set of rules over documents; applies the workspace's re-grading and turned-off rules.</summary>
public sealed class FindingEngine(IReadOnlyList<IFindingRule> rules)
{
    public IReadOnlyList<IFindingRule> Rules => rules;

    /// <param name="evidence">The workspace's evidence for PL009/PL012; by default gathered from <paramref name="root"/> on first use, with no commands run.</param>
    public List<Finding> Check(IReadOnlyList<TrackerDocument> documents, string root, DateOnly today, CheckPolicy policy, ICreationClock clock, WorkspaceEvidence? evidence = null) =>
        [.. CheckEach(documents, new WorkspaceFacts(documents), root, today, policy, clock, evidence ?? new WorkspaceEvidence(root)).SelectMany(c => c.Findings)];

    /// <summary>
    /// Checks <paramref name="documents"/> (in path order) against a workspace whose IDs <paramref name="workspace"/>
    /// knows — which may hold more documents than are checked here, as when a cache re-checks only some.
    /// </summary>
    public List<DocumentCheck> CheckEach(IReadOnlyList<TrackerDocument> documents, WorkspaceFacts workspace, string root, DateOnly today, CheckPolicy policy, ICreationClock clock, WorkspaceEvidence? evidence)
    {
        // Documents are checked in parallel (rules are pure; the git clock caches per document), and
        // the findings sorted so that the output never depends on the schedule.
        return documents.AsParallel().AsOrdered().Select(document =>
        {
            var context = new RuleContext
            {
                Document = document,
                Root = root,
                Today = today,
                Policy = policy,
                Clock = clock,
                Workspace = workspace,
                Evidence = evidence,
            };
            var findings = rules.Where(r => !policy.IsOff(r.Info.Code)).SelectMany(r => r.Check(context))
                .Select(f => policy.Rules.TryGetValue(f.Code, out var severity) && severity is { } regraded ? f with { Severity = regraded } : f)
                .OrderBy(f => f.Span.Start).ThenBy(f => f.Code, StringComparer.Ordinal)
                .ThenBy(f => f.Span.Length).ThenBy(f => f.Message, StringComparer.Ordinal)
                .ToList();
            return new DocumentCheck(document, findings, context.Consulted);
        }).OrderBy(c => c.Document.Path, StringComparer.Ordinal).ToList();
    }
}
