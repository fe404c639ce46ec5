using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Rules;

namespace Punchlist.Editing.Sync;

/// <summary>The fixers a set of options turns on, in the order their edits win a conflict.</summary>
public static class SyncFixers
{
    /// <param name="claims">
    /// The rule that reports false claims (PL001) with fixes. It belongs to `punch check`; until a
    /// host passes it, sync leaves claims alone.
    /// </param>
    public static IReadOnlyList<ISyncFixer> Create(SyncOptions options, IFindingRule? claims)
    {
        var fixers = new List<ISyncFixer>();
        if (options.Claims && claims is not null)
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
