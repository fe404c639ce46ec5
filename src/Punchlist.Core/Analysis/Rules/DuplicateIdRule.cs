using Punchlist.Analysis.Findings;

namespace Punchlist.Analysis.Rules;

/// <summary>PL010: the same ID on two items of one document, which makes `doc.md#ID` ambiguous.</summary>
internal sealed class DuplicateIdRule : IFindingRule
{
    public static readonly RuleInfo Rule = new("PL010", "duplicate-id", Severity.Error,
        "Two items of one document carry the same ID.",
        "IDs identify items: `doc.md#P0-001` must name one. Renumber one of them. Punchlist still reads both (the second as `P0-001~2`).");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var group in context.Document.Items.Where(i => i.Id is not null).GroupBy(i => i.Id!, StringComparer.Ordinal))
        {
            var first = group.First();
            foreach (var repeat in group.Skip(1))
            {
                yield return context.Report(Rule, repeat.TitleSpan.IsEmpty ? repeat.Span : repeat.TitleSpan,
                    $"ID {group.Key} is used again here (first at line {first.Position.Line}, '{first.Title}')", repeat);
            }
        }
    }
}
