using Punchlist.Analysis.Findings;
using Punchlist.Evidence;

namespace Punchlist.Analysis.Rules;

/// <summary>
/// PL012: something the document claims done — a done item, or a ticked criterion — is contradicted
/// by a probe of the repository (a compose file without healthchecks under a ticked "Health check
/// configuration"). Reported at the claim, citing the file and line the probe found.
/// </summary>
internal sealed class ContradictedDoneRule : IFindingRule
{
    public static readonly RuleInfo Rule = new("PL012", "contradicted-done", Severity.Warning,
        "A done item (or ticked criterion) is contradicted by the repository.",
        "A probe tied to the item by its words (or named with `<!-- punch: probe=ID -->` or in punchlist.yml) fails: the repository does not have what the item claims. Fix the repository or reopen the item; if the probe does not fit the item, name the right one or `probe=none`. `punch verify --explain` shows why each probe was chosen.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        if (!context.HasEvidence)
        {
            yield break;
        }

        // Only a claim can be contradicted: items neither done nor with a ticked criterion are not
        // judged at all (matching probes to every open item is most of a large workspace's check).
        foreach (var item in context.Document.Items.Where(i => i.State == Model.ItemState.Done || i.Criteria.Any(c => c.IsChecked)))
        {
            foreach (var record in context.EvidenceFor(item)!.Failing.Where(r => r.Kind != EvidenceKind.File))
            {
                var criterion = record.Criterion is { } n && n <= item.Criteria.Count ? item.Criteria[n - 1] : null;
                string claim = criterion is not null && item.State != Model.ItemState.Done
                    ? $"criterion {record.Criterion} of '{item.Title}' is ticked"
                    : $"'{item.Title}' is done";
                string where = record.Citations.FirstOrDefault(c => c.Line > 0) is { } at && !record.Detail.Contains(at.ToString(), StringComparison.Ordinal) ? $" ({at})" : string.Empty;
                yield return context.Report(Rule, criterion?.TextSpan ?? item.TitleSpan, $"{claim}, but {record.Ref} fails: {record.Detail}{where}", item)
                    with { Declared = "done", Actual = record.Ref };
            }
        }
    }
}
