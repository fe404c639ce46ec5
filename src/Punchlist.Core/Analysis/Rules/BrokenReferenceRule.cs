using Punchlist.Analysis.Findings;
using Punchlist.Model;

namespace Punchlist.Analysis.Rules;

/// <summary>
/// PL008: a reference that leads nowhere — a relative link to a file missing from the workspace, an
/// item ID no item has, a `depends_on` naming an unknown plan. Mentioned IDs are judged only in ID
/// families the document itself uses (a document of `P0-` items mentioning `P0-099`): `REQ-001` in a
/// document without `REQ-` items points into some other system and is left alone.
/// </summary>
internal sealed class BrokenReferenceRule : IFindingRule
{
    public static readonly RuleInfo Rule = new("PL008", "broken-reference", Severity.Warning,
        "A link, item ID or dependency points at something that does not exist.",
        "A relative link to a file that is not in the workspace, an ID of an item that no document has, or a `depends_on` naming a plan ID no document declares. Fix the reference or create what it names.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        var document = context.Document;
        var families = document.Items.Where(i => i.Id is not null).Select(i => Family(i.Id!)).ToHashSet(StringComparer.Ordinal);

        foreach (var (reference, item) in document.References.Select(r => (r, (Item?)null))
            .Concat(document.Items.SelectMany(i => i.References.Select(r => (r, (Item?)i)))))
        {
            string? problem = reference switch
            {
                { Kind: ReferenceKind.File, Role: ReferenceRole.Link } when !FileExists(context, reference.Target) =>
                    $"links to '{reference.Target}', which is not in the workspace",
                { Kind: ReferenceKind.Item } when families.Contains(Family(reference.Target))
                    && item?.DependsOn.Contains(reference.Target, StringComparer.Ordinal) != true && !context.HasItemId(reference.Target) =>
                    $"mentions {reference.Target}, which no item has",
                { Kind: ReferenceKind.Plan } when !context.HasPlanId(reference.Target) =>
                    $"depends on plan {reference.Target}, which no document declares (front matter `id:`)",
                _ => null,
            };
            if (problem is not null)
            {
                var span = reference.Span.IsEmpty ? DependsOnSpan(document, reference.Target) : reference.Span;
                yield return context.Report(Rule, span, (item is null ? "the document " : $"'{item.Title}' ") + problem, item) with { Declared = reference.Target };
            }
        }

        foreach (var item in document.Items)
        {
            foreach (string dependency in item.DependsOn.Where(d => !context.HasItemId(d) && !context.HasPlanId(d)))
            {
                var field = item.Fields.FirstOrDefault(f => f.Kind == FieldKind.DependsOn && f.Value.Contains(dependency, StringComparison.Ordinal));
                yield return context.Report(Rule, field is null ? item.TitleSpan : Within(document, field.ValueSpan, dependency),
                    $"'{item.Title}' depends on {dependency}, which no item or plan has", item) with { Declared = dependency };
            }
        }
    }

    // The dependency's own characters at or after the field's value, so the finding points at it (a
    // front matter list's value span can be empty: the entries follow on the next lines).
    private static Text.TextSpan Within(TrackerDocument document, Text.TextSpan value, string target)
    {
        string text = document.Source.Text;
        int end = Math.Min(text.Length, Math.Max(value.End, value.Start + 1000));
        int at = text.IndexOf(target, value.Start, end - value.Start, StringComparison.Ordinal);
        return at < 0 ? value : new Text.TextSpan(at, target.Length);
    }

    // `P0-001` → `P0`; an ID without a dash (`T001` of spec-kit, `C1` of a table) → its leading letters.
    private static string Family(string id)
    {
        int dash = id.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            return id[..dash];
        }

        int letters = 0;
        while (letters < id.Length && char.IsLetter(id[letters]))
        {
            letters++;
        }

        return id[..letters];
    }

    private static bool FileExists(RuleContext context, string target)
    {
        string relative = target.Replace('\\', '/');
        string folder = Path.GetDirectoryName(Path.Combine(context.Root, context.Document.Path)) ?? context.Root;
        string candidate = relative.StartsWith('/')
            ? Path.Combine(context.Root, relative.TrimStart('/'))
            : Path.Combine(folder, relative);
        return context.PathExists(candidate);
    }

    // Front matter `depends_on: [PLAN-…]` entries carry no span of their own: point at the entry in the field.
    private static Text.TextSpan DependsOnSpan(TrackerDocument document, string target) =>
        document.Field(FieldKind.DependsOn) is { } field ? Within(document, field.ValueSpan, target) : default;
}
