using Punchlist.Analysis.Rules;

namespace Punchlist.Analysis.Findings;

/// <summary>
/// The catalogue: every rule Punchlist ships, in code order. A rule added here (one line) runs in
/// `punch check` and the findings counts of `punch status`, gets a SARIF rule descriptor, and must
/// have its section in docs/findings.md and a spec file (the tests check both).
/// </summary>
public static class FindingRules
{
    public static IReadOnlyList<IFindingRule> Default { get; } =
    [
        new ClaimMismatchRule(),
        new StatusContradictionRule(),
        new OverdueRule(),
        new SlaBreachedRule(),
        new ReviewOverdueRule(),
        new EncodingDamageRule(),
        new UnrepairableTextRule(),
        new BrokenReferenceRule(),
        new UnverifiedDoneRule(),
        new DuplicateIdRule(),
        new MissingOwnerRule(),
        new ContradictedDoneRule(),
        new StaleItemRule(),
    ];

    /// <summary>The rule with this code (`PL003`), if the catalogue has one.</summary>
    /// <summary>A rule by its code (`PL004`) or its name (`sla-breached`), in any case; null when none has it.</summary>
    public static IFindingRule? Find(string codeOrName) =>
        Default.FirstOrDefault(r => string.Equals(r.Info.Code, codeOrName, StringComparison.OrdinalIgnoreCase))
        ?? Default.FirstOrDefault(r => string.Equals(r.Info.Name, codeOrName, StringComparison.OrdinalIgnoreCase));
}
