namespace Punchlist.Analysis.Findings;

/// <summary>One check. Reports what it finds in one document; the context gives the rest of the workspace.</summary>
public interface IFindingRule
{
    RuleInfo Info { get; }

    IEnumerable<Finding> Check(RuleContext context);
}
