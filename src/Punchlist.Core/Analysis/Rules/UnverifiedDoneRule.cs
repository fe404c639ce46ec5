using Punchlist.Analysis.Findings;
using Punchlist.Evidence;
using Punchlist.Model;

namespace Punchlist.Analysis.Rules;

/// <summary>
/// PL009: an item is done, but a file it promised (under `Files to Create`, `Files to Modify`,
/// `Output Files` …) is not in the workspace. Paths outside the workspace and files the item says
/// it removes are not judged.
/// </summary>
internal sealed class UnverifiedDoneRule : IFindingRule
{
    public static readonly RuleInfo Rule = new("PL009", "unverified-done", Severity.Warning,
        "A done item promised a file that does not exist.",
        "The item is done, but a file listed under `Files to Create`, `Files to Modify`, `Output Files` or the like is not in the workspace (resolved against the workspace root and the document's folder; globs must match at least one file). Create the file, correct the path, or reopen the item. `punch verify` shows every file an item names.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        if (!context.HasEvidence)
        {
            yield break;
        }

        foreach (var item in context.Document.Items.Where(i => i.State == ItemState.Done))
        {
            foreach (var record in context.EvidenceFor(item)!.Records.Where(r => r is { Kind: EvidenceKind.File, Decisive: true, Ok: false }))
            {
                var reference = item.References.FirstOrDefault(r => string.Equals(r.Target, record.Ref, StringComparison.Ordinal));
                yield return context.Report(Rule, reference?.Span ?? item.TitleSpan,
                    $"'{item.Title}' is done, but '{record.Ref}' it promised ({record.Role}) is not in the workspace", item) with { Declared = record.Ref };
            }
        }
    }
}
