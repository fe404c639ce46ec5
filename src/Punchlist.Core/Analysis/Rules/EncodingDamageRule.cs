using Punchlist.Analysis.Findings;
using Punchlist.Editing;
using Punchlist.Text;

namespace Punchlist.Analysis.Rules;

/// <summary>PL006: mojibake that can be repaired with certainty — one finding per line, with the line as it should read.</summary>
internal sealed class EncodingDamageRule : IFindingRule
{
    public static readonly RuleInfo Rule = new("PL006", "encoding-damage", Severity.Warning,
        "UTF-8 text was read as Windows-1252 or MacRoman and saved again (mojibake).",
        "Emoji and symbols show as `ðŸ”´`, `â†’` or `‚öôÔ∏è`. The whole document is consistently damaged, so the intended characters are certain: `punch sync --encoding --write` restores them.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        var document = context.Document;
        var lines = document.Source.Lines;
        foreach (var line in document.Encoding.Damages.Where(d => d.Kind == EncodingDamageKind.Repairable).GroupBy(d => lines.LineIndexOf(d.Span.Start)))
        {
            var runs = line.ToList();
            var span = TextSpan.FromBounds(runs[0].Span.Start, runs[^1].Span.End);
            string original = document.Source.Slice(span);
            var fix = runs.Select(r => new TextEdit(r.Span, r.Repaired!)).ToList();

            // Only the repairable runs change: text between them whose original is lost stays as it is (PL007).
            string repaired = TextEdits.Apply(original, fix, span.Start);

            yield return context.Report(Rule, span, $"'{original}' is UTF-8 read as {document.Encoding.CodePage?.Name}; it should read '{repaired}'") with
            {
                Declared = original,
                Actual = repaired,
                Fix = fix,
            };
        }
    }
}
