using Punchlist.Analysis.Claims;
using Punchlist.Analysis.Findings;

namespace Punchlist.Analysis.Rules;

/// <summary>
/// PL001: a number the document declares about its own work — a dashboard cell, a `Total Items:`
/// line — that the items do not bear out. The finding sits on the number and carries the edits that
/// make it true, digits only, in the document's own format.
/// </summary>
internal sealed class ClaimMismatchRule : IFindingRule
{
    public static readonly RuleInfo Rule = new("PL001", "claim-mismatch", Severity.Error,
        "A count or progress figure the document declares does not match its items.",
        "Dashboards and summary lines (`| Should Have | 18 |`, `**Total Items:** 50`, `Completion: 0/50 (0%)`) drift as items are added, finished or dropped. The finding gives the true value and the basis it was counted on (items, done items, criteria …); `punch sync --write` rewrites only the wrong digits.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var mismatch in ClaimAnalysis.Of(context.Document).Mismatches)
        {
            yield return context.Report(Rule, mismatch.Claim.Value.Span, Message(mismatch)) with
            {
                Declared = mismatch.Declared,
                Actual = mismatch.Actual,
                Basis = mismatch.BasisName,
                Fix = mismatch.Fix,
            };
        }

        foreach (var finding in CookieClaims.Check(context, Rule))
        {
            yield return finding;
        }
    }

    private static string Message(ClaimMismatch m)
    {
        var truth = m.Group.Progress(m.Basis);
        string counted = m.Measure == Measure.Progress
            ? $"{truth.Done} of {truth.Total} {m.BasisName} done" + (truth.Percent is { } p ? $" ({p}%)" : string.Empty)
            : $"{m.Group.Count(m.Basis, m.Measure)} {m.BasisName}";
        return $"{m.Claim.Where} claims {m.Declared}, but {m.Group.Description} has {counted}";
    }
}
