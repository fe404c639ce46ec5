using System.Globalization;
using System.Text;
using Punchlist.Model;

namespace Punchlist.Tests.Support;

/// <summary>
/// A compact, stable text form of what the reader produced, for spec files: one line per item,
/// criterion, field, reference, section or note, each with its line:column.
/// </summary>
public static class ModelDump
{
    public static string Dump(TrackerDocument document, string what) => what switch
    {
        "items" => Items(document, withDetails: false),
        "details" => Items(document, withDetails: true),
        "meta" => Lines(document.Metadata.Select(f => Field(f, "meta"))),
        "sections" => Lines(document.Sections.Select(s => $"section h{s.Level} \"{s.Title}\" @{s.Position}{(s.Priority is null ? "" : $" priority={s.Priority.Name}({s.Priority.Label})")}{(s.IsPhase ? " phase" : "")}{(s.Card is null ? "" : $" card={s.Card.Key}")}")),
        "notes" => Lines(document.Notes.Select(n => $"note @{n.Position} {n.Message}")),
        "encoding" => Lines(document.Encoding.Damages.Select(d => $"{d.Kind.ToString().ToLowerInvariant()} @{document.PositionOf(d.Span.Start)} \"{d.Original}\"{(d.Repaired is null ? "" : $" -> \"{d.Repaired}\"")}")),
        "boxes" => Lines(document.Checkboxes.Select(Box)),
        "refs" => Lines(document.Items.SelectMany(i => i.References.Select(r => $"{i.Key} {Reference(r, document)}"))
            .Concat(document.References.Select(r => $"document {Reference(r, document)}"))),
        _ => throw new ArgumentException($"unknown dump '{what}' (items, details, meta, sections, notes, encoding, boxes, refs)"),
    };

    private static string Items(TrackerDocument document, bool withDetails)
    {
        var text = new StringBuilder();
        foreach (var item in document.Items)
        {
            text.Append(item.Kind.Name()).Append(' ').Append(item.Key);
            text.Append(" \"").Append(item.Title).Append("\" @").Append(item.Position);
            text.Append(" state=").Append(item.State.Name());
            if (item.Priority is { } p)
            {
                text.Append(" priority=").Append(p.Name).Append('(').Append(p.Source.ToString().ToLowerInvariant()).Append(':').Append(p.Label).Append(')');
            }

            if (item.Status is { } s)
            {
                text.Append(" status=\"").Append(s.Raw).Append("\"->").Append(s.State?.Name() ?? "?");
            }

            if (item.Criteria.Count > 0)
            {
                text.Append(" criteria=").Append(item.CriteriaChecked).Append('/').Append(item.CriteriaTotal);
            }

            if (item.Owner is not null)
            {
                text.Append(" owner=\"").Append(item.Owner).Append('"');
            }

            if (item.Due is not null)
            {
                text.Append(" due=").Append(item.Due.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            if (item.Effort is not null)
            {
                text.Append(" effort=\"").Append(item.Effort.Text).Append('"');
                if (item.Effort.Hours is { } h)
                {
                    text.Append('=').Append(h.ToString(CultureInfo.InvariantCulture)).Append('h');
                }
            }

            if (item.Category is not null)
            {
                text.Append(" category=\"").Append(item.Category).Append('"');
            }

            if (item.DependsOn.Count > 0)
            {
                text.Append(" depends=").Append(string.Join(',', item.DependsOn));
            }

            text.Append('\n');
            if (withDetails)
            {
                foreach (var box in item.Criteria)
                {
                    text.Append("  ").Append(Box(box)).Append('\n');
                }

                foreach (var field in item.Fields)
                {
                    text.Append("  ").Append(Field(field, "field")).Append('\n');
                }

                foreach (var reference in item.References)
                {
                    text.Append("  ").Append(Reference(reference, document)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    // A task-list box as `box [x]`; the other styles by name with the marker as written: `cell ✅`, `emoji ❌`, `struck ~~`.
    private static string Box(Checkbox box) => box.Style == BoxStyle.Task
        ? $"{new string(' ', 2 * box.Depth)}box [{box.Marker}] {box.State.Name()} \"{box.Text}\" @{box.Position}"
        : $"{new string(' ', 2 * box.Depth)}{box.Style.ToString().ToLowerInvariant()} {box.Symbol ?? $"[{box.Marker}]"} {box.State.Name()} \"{box.Text}\" @{box.Position}";

    private static string Field(MetadataField f, string prefix) =>
        $"{prefix} {f.Kind.ToString().ToLowerInvariant()} \"{f.Key}\"=\"{f.Value}\" @{f.Position} {f.Shape.ToString().ToLowerInvariant()}";

    private static string Reference(Reference r, TrackerDocument document) =>
        $"ref {r.Kind.ToString().ToLowerInvariant()}:{r.Role.ToString().ToLowerInvariant()} \"{r.Target}\"{(r.Span.IsEmpty ? "" : $" @{document.PositionOf(r.Span.Start)}")}";

    private static string Lines(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (string line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
