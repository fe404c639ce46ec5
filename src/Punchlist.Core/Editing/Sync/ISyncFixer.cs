using Punchlist.Analysis.Findings;

namespace Punchlist.Editing.Sync;

/// <summary>One kind of change sync makes: proposes the edits that make one document true in that respect.</summary>
public interface ISyncFixer
{
    IEnumerable<ProposedEdit> Propose(RuleContext context);
}
