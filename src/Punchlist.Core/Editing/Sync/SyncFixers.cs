using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Rules;

namespace Punchlist.Editing.Sync;

/// <summary>The fixers a set of options turns on, in the order their edits win a conflict.</summary>
public static class SyncFixers
{
    /// <summary>
    /// The rule that reports false claims (PL001) with the edits that correct them. Claims are read and
    /// judged by `punch check`; sync only applies its fixes.
    /// </summary>
    internal static IFindingRule? ClaimRule => FindingRules.Find(ClaimMismatchRule.Rule.Code);

    public static IReadOnlyList<ISyncFixer> Create(SyncOptions options)
    {
        var fixers = new List<ISyncFixer>();
        if (options.Claims && ClaimRule is { } claims)
        {
            fixers.Add(new FindingFixer(claims, ChangeKind.Claim));
        }

        if (options.Cookies)
        {
            fixers.Add(new CookieFixer());
        }

        if (options.Statuses)
        {
            fixers.Add(new FindingFixer(new StatusContradictionRule(), ChangeKind.Status));
        }

        if (options.Encoding)
        {
            fixers.Add(new EncodingFixer());
        }

        return fixers;
    }
}
