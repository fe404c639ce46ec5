using Punchlist.Analysis.Findings;
using Punchlist.Model;

namespace Punchlist.Analysis.Rules;

/// <summary>PL003: a due date before today on an item that is not done (or cancelled).</summary>
internal sealed class OverdueRule : IFindingRule
{
    public static readonly RuleInfo Rule = new("PL003", "overdue", Severity.Warning,
        "An item's due date has passed and it is not done.",
        "The item declares a due date (`**Due:**`, `Deadline:`) before today and its state is not done or cancelled. Finish it, move the date, or cancel it. Overdue P0 items are errors.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var item in context.Document.Items)
        {
            // Today is read only for items with a due date: a document without one does not depend on the day.
            if (item.Due is null || !Dates.IsOverdue(item, context.Today))
            {
                continue;
            }

            int days = context.Today.DayNumber - item.Due!.Date.DayNumber;
            yield return context.Report(Rule, item.Due.Span,
                $"'{item.Title}' was due {item.Due.Date:yyyy-MM-dd} ({days} {(days == 1 ? "day" : "days")} ago) and is {item.State.Name()}",
                item, item.Priority?.Rank == 0 ? Severity.Error : null) with
            {
                Declared = item.Due.Raw,
                Actual = item.State.Name(),
                Deadline = item.Due.Date,
            };
        }
    }
}
