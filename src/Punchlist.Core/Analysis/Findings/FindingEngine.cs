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
        evidence ??= new Evidence.WorkspaceEvidence(root);
        var findings = new List<Finding>();
        foreach (var document in documents)
        {
            var context = new RuleContext
            {
                Document = document,
                Documents = documents,
                Root = root,
                Today = today,
                Policy = policy,
                Clock = clock,
                Evidence = evidence,
            };
            foreach (var rule in rules)
            {
                if (policy.IsOff(rule.Info.Code))
                {
                    continue;
                }

                foreach (var finding in rule.Check(context))
                {
                    findings.Add(policy.Rules.TryGetValue(finding.Code, out var severity) && severity is { } regraded
                        ? finding with { Severity = regraded }
                        : finding);
                }
            }
        }

        return [.. findings.OrderBy(f => f.Document, StringComparer.Ordinal).ThenBy(f => f.Span.Start).ThenBy(f => f.Code, StringComparer.Ordinal)];
    }
}
