using Punchlist.Analysis.Policies;
using Punchlist.Evidence;
using Punchlist.Model;

namespace Punchlist.Analysis.Findings;

/// <summary>One document's findings, in position order, and what checking it consulted besides the document.</summary>
public sealed record DocumentCheck(TrackerDocument Document, IReadOnlyList<Finding> Findings, Consulted Consulted)
{
    /// <summary>Every item PL004 found past its SLA, in document order — all of them, even past the findings' cap.</summary>
    public IReadOnlyList<SlaBreach> PastSla { get; init; } = [];
}

/// <summary>
/// Runs a set of rules over documents; applies the workspace's re-grading and turned-off rules. A rule
/// lists at most <see cref="MaxPerRule"/> findings per document, then one more that says how many it
/// left out: a megabyte of invalid bytes is a quarter of a million PL007 findings, which no person
/// reads and which made `check --format sarif` write 476 MB. (`punch sync` fixes every one: it asks
/// the rules, not this engine.)
/// </summary>
public sealed class FindingEngine(IReadOnlyList<IFindingRule> rules)
{
    public const int MaxPerRule = 100;

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
            var pastSla = new List<Finding>();
            var findings = rules.Where(r => !policy.IsOff(r.Info.Code))
                .SelectMany(r => Capped(r.Info.Code == SlaCode ? Noted(r.Check(context), pastSla) : r.Check(context)))
                .Select(f => policy.Rules.TryGetValue(f.Code, out var severity) && severity is { } regraded ? f with { Severity = regraded } : f)
                .OrderBy(f => f.Span.Start).ThenBy(f => f.Code, StringComparer.Ordinal)
                .ThenBy(f => f.Span.Length).ThenBy(f => f.Message, StringComparer.Ordinal)
                .ToList();
            return new DocumentCheck(document, findings, context.Consulted) { PastSla = Breaches(document, pastSla) };
        }).OrderBy(c => c.Document.Path, StringComparer.Ordinal).ToList();
    }

    private static readonly string SlaCode = Punchlist.Analysis.Rules.SlaBreachedRule.Rule.Code;

    // Each finding as it goes by, kept in a list as well (before the cap drops any).
    private static IEnumerable<Finding> Noted(IEnumerable<Finding> findings, List<Finding> noted)
    {
        foreach (var finding in findings)
        {
            noted.Add(finding);
            yield return finding;
        }
    }

    // The items behind PL004's findings, by their key (unique within a document).
    private static List<SlaBreach> Breaches(TrackerDocument document, List<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return [];
        }

        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < document.Items.Count; i++)
        {
            ordinals.TryAdd(document.Items[i].Key, i);
        }

        var breaches = new List<SlaBreach>();
        foreach (var finding in findings)
        {
            if (finding is { Item: { } key, Deadline: { } deadline } && ordinals.TryGetValue(key, out int ordinal))
            {
                var item = document.Items[ordinal];
                breaches.Add(new SlaBreach(ordinal, key, item.Title, item.Priority?.Name, item.State, item.Owner, item.Due?.Date, deadline));
            }
        }

        return [.. breaches.DistinctBy(b => b.Ordinal).OrderBy(b => b.Ordinal)];
    }

    // The first findings a rule gives (rules report in document order), then one that counts the rest.
    private static IEnumerable<Finding> Capped(IEnumerable<Finding> findings)
    {
        int count = 0;
        Finding? first = null;
        foreach (var finding in findings)
        {
            if (++count <= MaxPerRule)
            {
                yield return finding;
            }
            else
            {
                first ??= finding;
            }
        }

        if (first is not null)
        {
            int more = count - MaxPerRule;
            yield return first with
            {
                Message = $"{more:N0} more {first.Code} finding{(more == 1 ? string.Empty : "s")} in this document from here on are not listed (each rule lists its first {MaxPerRule} per document)",
                Item = null,
                Declared = null,
                Actual = null,
                Basis = null,
                Fix = [],
            };
        }
    }
}
