using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Rules;

namespace Punchlist.Editing.Sync;

/// <summary>
/// Repairs mojibake (the fixes of PL006), and writes a misread replacement character (`ï¿½`) as the
/// U+FFFD it was: that is no guess — its bytes were U+FFFD — and the loss stays visible as PL007.
/// </summary>
public sealed class EncodingFixer : ISyncFixer
{
    private static readonly EncodingDamageRule Rule = new();
    private static readonly FindingFixer Repairs = new(Rule, ChangeKind.Encoding);

    public IEnumerable<ProposedEdit> Propose(RuleContext context)
    {
        if (context.Policy.IsOff(Rule.Info.Code))
        {
            yield break;
        }

        foreach (var edit in Repairs.Propose(context))
        {
            yield return edit;
        }

        var report = context.Document.Encoding;
        if (report.CodePage is not { } codePage)
        {
            yield break;
        }

        foreach (var damage in report.Damages)
        {
            if (damage.IsReplacementImage)
            {
                yield return new ProposedEdit(new TextEdit(damage.Span, "\uFFFD"), ChangeKind.Encoding,
                    $"'{damage.Original}' is U+FFFD read as {codePage.Name}; the character it replaced stays lost");
            }
        }
    }
}
