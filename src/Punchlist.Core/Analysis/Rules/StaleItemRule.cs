using Punchlist.Analysis.Findings;
using Punchlist.History;
using Punchlist.Model;

namespace Punchlist.Analysis.Rules;

/// <summary>
/// PL013: an open item that no commit has changed for longer than the workspace's `stale:` policy
/// (90 days unless punchlist.yml says otherwise) — its state, priority, due date, owner, criteria and
/// title all as they were. Read from the history the index keeps (the clock); an item edited since
/// its last commit is being worked on, and an item no commit holds yet is new.
/// </summary>
internal sealed class StaleItemRule : IFindingRule
{
    public static readonly RuleInfo Rule = new("PL013", "stale", Severity.Warning,
        "An open item has not changed in a long time.",
        "Each commit that changes an item's state, priority, due date, owner, criteria or title moves it; an open item no commit has moved for longer than `stale:` in punchlist.yml (90 days by default) is probably forgotten. The history comes from git (`punch history ADDRESS` shows it).");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        var open = context.Document.Items.Where(i => !i.State.IsClosed()).ToList();
        if (open.Count == 0)
        {
            yield break;
        }

        var stale = context.Policy.Stale;
        foreach (var item in open)
        {
            if (context.Clock.Past(context.Document, item) is not { } past || past.LastVersion != ItemVersion.Of(item))
            {
                continue;
            }

            var since = DateOnly.FromDateTime(past.LastChanged);
            if (DateOnly.FromDateTime(stale.After(past.LastChanged)) >= context.Today)
            {
                continue;
            }

            int days = context.Today.DayNumber - since.DayNumber;
            yield return context.Report(Rule, item.TitleSpan.IsEmpty ? item.Span : item.TitleSpan,
                $"'{item.Title}' is {item.State.Name()} and no commit has changed it for {days} days (since {since:yyyy-MM-dd}; stale after {stale.Text})", item) with
            {
                Declared = stale.Text,
                Actual = $"{days} days unchanged",
            };
        }
    }
}
