using Punchlist.Analysis.Rules;

namespace Punchlist.Editing.Sync;

/// <summary>The fixers a set of options turns on, in the order their edits win a conflict.</summary>
public static class SyncFixers
{
    // False claims come from the rule `punch check` reports them with (PL001): sync only applies its fixes.
    public static IReadOnlyList<ISyncFixer> Create(SyncOptions options)
    {
        var fixers = new List<ISyncFixer>();
        if (options.Claims)
        {
            fixers.Add(new FindingFixer(new ClaimMismatchRule(), ChangeKind.Claim));
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
