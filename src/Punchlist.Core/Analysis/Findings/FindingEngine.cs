using Punchlist.Analysis.Policies;
using Punchlist.Model;

namespace Punchlist.Analysis.Findings;

/// <summary>Runs a set of rules over documents; applies the workspace's re-grading and turned-off rules.</summary>
public sealed class FindingEngine(IReadOnlyList<IFindingRule> rules)
{
    public IReadOnlyList<IFindingRule> Rules => rules;

    /// <param name="evidence">The workspace's evidence for PL009/PL012; by default gathered from <paramref name="root"/> on first use, with no commands run.</param>
    public List<Finding> Check(IReadOnlyList<TrackerDocument> documents, string root, DateOnly today, CheckPolicy policy, ICreationClock clock, Evidence.WorkspaceEvidence? evidence = null)
    {
        var facts = new WorkspaceFacts(documents);
        evidence ??= new Evidence.WorkspaceEvidence(root);

        // Documents are checked in parallel (rules are pure; the git clock caches per document), and
        // the findings sorted so that the output never depends on the schedule.
        var findings = documents.AsParallel().SelectMany(document =>
        {
            var context = new RuleContext
            {
                Document = document,
                Documents = documents,
                Root = root,
                Today = today,
                Policy = policy,
                Clock = clock,
                Workspace = facts,
                Evidence = evidence,
            };
            return rules.Where(r => !policy.IsOff(r.Info.Code)).SelectMany(r => r.Check(context)).ToList();
        }).ToList();

        return [.. findings
            .Select(f => policy.Rules.TryGetValue(f.Code, out var severity) && severity is { } regraded ? f with { Severity = regraded } : f)
            .OrderBy(f => f.Document, StringComparer.Ordinal).ThenBy(f => f.Span.Start).ThenBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Span.Length).ThenBy(f => f.Message, StringComparer.Ordinal)];
    }
}
