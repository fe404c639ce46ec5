using Punchlist.Analysis.Findings;
using Punchlist.Text;

namespace Punchlist.Analysis.Rules;

/// <summary>PL007: text whose original is lost — U+FFFD, invalid UTF-8, or mojibake missing a byte.</summary>
internal sealed class UnrepairableTextRule : IFindingRule
{
    public static readonly RuleInfo Rule = new("PL007", "unrepairable-text", Severity.Warning,
        "Text whose original characters are lost (U+FFFD, invalid UTF-8, mojibake missing a byte).",
        "Something replaced characters it could not decode, or a byte was dropped. No tool can know what was there: retype the text by hand.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var damage in context.Document.Encoding.Damages.Where(d => d.Kind == EncodingDamageKind.Unrepairable))
        {
            yield return context.Report(Rule, damage.Span, damage.Explanation) with { Declared = damage.Original };
        }
    }
}
