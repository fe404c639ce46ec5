using Punchlist.Analysis.Findings;

namespace Punchlist.Editing.Sync;

/// <summary>
/// The fixes of a finding rule's findings: what `punch check` reports and what `punch sync` writes
/// come from the same place, so sync never fixes what check does not report — nor what punchlist.yml
/// turns off (`rules: {PL002: off}`).
/// </summary>
public sealed class FindingFixer(IFindingRule rule, ChangeKind kind) : ISyncFixer
{
    public IEnumerable<ProposedEdit> Propose(RuleContext context) =>
        context.Policy.IsOff(rule.Info.Code)
            ? []
            : rule.Check(context).SelectMany(f => f.Fix.Select(edit => new ProposedEdit(edit, kind, $"{f.Code} {f.Message}")));
}
