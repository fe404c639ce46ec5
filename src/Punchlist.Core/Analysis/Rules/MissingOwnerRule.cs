using Punchlist.Analysis.Findings;
using Punchlist.Model;

namespace Punchlist.Analysis.Rules;

/// <summary>PL011: an open P0 or P1 item that nobody owns (`TBD`, `unassigned` and no owner at all alike).</summary>
internal sealed class MissingOwnerRule : IFindingRule
{
    public static readonly RuleInfo Rule = new("PL011", "missing-owner", Severity.Warning,
        "An open P0 or P1 item has no owner.",
        "High-priority work needs a name: add `**Owner:**` (or Assignee) with a person or team. `TBD`, `unassigned`, `none` and an empty value count as no owner.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var item in context.Document.Items)
        {
            if (item.Owner is null && item.Priority is { Rank: <= 1 } priority && !item.State.IsClosed())
            {
                var field = item.Field(FieldKind.Owner);
                string written = field is { HasValue: true } ? $" ('{field.Value}')" : string.Empty;
                yield return context.Report(Rule, field?.ValueSpan ?? item.TitleSpan,
                    $"{priority.Name} item '{item.Title}' is {item.State.Name()} and has no owner{written}", item);
            }
        }
    }
}
