using Punchlist.Analysis.Findings;
using Punchlist.Editing;
using Punchlist.Model;

namespace Punchlist.Analysis.Rules;

/// <summary>
/// PL002: what an item declares disagrees with its boxes — `NOT STARTED` above ticked criteria,
/// `Done` above open ones, a ticked task with open children, a box and a status field that disagree —
/// and contradictions written elsewhere (see <see cref="WrittenContradictions"/>).
/// </summary>
internal sealed class StatusContradictionRule : IFindingRule
{
    public static readonly RuleInfo Rule = new("PL002", "status-contradiction", Severity.Warning,
        "An item's declared status contradicts its checkboxes.",
        "The status line says one thing and the boxes another: `NOT STARTED` with ticked criteria, `Done` with open criteria, a ticked task whose children are open. Update the status (`punch sync --statuses` writes it in the document's own words when the boxes show progress) or the boxes.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        var document = context.Document;
        foreach (var item in document.Items)
        {
            int total = item.CriteriaTotal, done = item.CriteriaChecked;
            var declared = item.Status;

            // Org's `TODO` says not done yet, not that nothing was started: only all boxes ticked contradict it.
            bool claimsNoProgress = document.Format != DocumentFormat.Org || done == total;
            if (declared?.State == ItemState.Open && done > 0 && claimsNoProgress)
            {
                var target = done == total ? ItemState.Done : ItemState.InProgress;
                yield return Contradiction(context, item, declared, $"declares '{declared.Raw}' but {done} of {total} criteria are checked", target);
            }
            else if (declared?.State == ItemState.Done && done < total)
            {
                yield return Contradiction(context, item, declared, $"declares '{declared.Raw}' but {total - done} of {total} criteria are open", null);
            }
            else if (item.Box is { } box && declared?.State is { } state)
            {
                if (box.IsChecked && state is ItemState.Open or ItemState.InProgress)
                {
                    yield return Contradiction(context, item, declared, $"is ticked but declares '{declared.Raw}'", ItemState.Done);
                }
                else if (box.Mark == BoxMark.Unchecked && state == ItemState.Done)
                {
                    yield return Contradiction(context, item, declared, $"declares '{declared.Raw}' but its box is not ticked", null);
                }
            }

            if (item.Box is { IsChecked: true } && item.Criteria.Any(c => c.Counts && !c.IsChecked))
            {
                int open = item.Criteria.Count(c => c.Counts && !c.IsChecked);
                yield return context.Report(Rule, item.Box.MarkerSpan, $"'{item.Title}' is ticked but {open} of {total} of its children are open", item) with
                {
                    Declared = "done",
                    Actual = $"{done}/{total} criteria",
                    Basis = "criteria",
                };
            }
        }

        foreach (var finding in WrittenContradictions.Check(context, Rule))
        {
            yield return finding;
        }
    }

    private static Finding Contradiction(RuleContext context, Item item, DeclaredStatus declared, string what, ItemState? fixTo)
    {
        var document = context.Document;
        var words = StatusWording.WordsSpan(document, declared);
        var fix = fixTo is { } state && !words.IsEmpty
            ? new[] { new TextEdit(words, StatusWording.For(document, state, document.Source.Slice(words))) }
            : [];
        return context.Report(Rule, declared.Span, $"'{item.Title}' {what}", item) with
        {
            Declared = declared.Raw,
            Actual = item.CriteriaTotal > 0 ? $"{item.State.Name()} ({item.CriteriaChecked}/{item.CriteriaTotal} criteria)" : item.State.Name(),
            Basis = "criteria",
            Fix = fix,
        };
    }
}
