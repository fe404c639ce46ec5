using Punchlist.Analysis;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading;

/// <summary>Turns collected builders into items: typed values from fields, priority, state and key.</summary>
internal sealed class ItemFinisher(SourceText source, ReaderOptions options, EncodingReport encoding, StatusVocabulary statuses, SectionOwners owners, List<ReaderNote> notes)
{
    /// <summary>The document's key table: attach the finished items to it (see <see cref="ItemKeys"/>).</summary>
    public ItemKeys Keys { get; } = new(encoding);

    public Item Finish(ItemBuilder b)
    {
        var status = Status(b);
        var fields = b.FieldsSoFar;
        var criteria = b.CriteriaSoFar;
        var item = new Item
        {
            Kind = b.Kind,
            Keys = Keys,
            Id = b.Id,
            Title = b.MeantTitle, // shown as it was meant to read, mojibake repaired
            TitleSpan = b.TitleSpan,
            Position = b.Position,
            Span = TextSpan.FromBounds(b.Start, Math.Max(b.Start, b.End)),
            Section = b.Section,
            Heading = b.Heading,
            Box = b.Box,
            Table = b.Table,
            Row = b.Row,
            // Most items have no criteria or fields: share the empty list rather than keep one each.
            // Exact arrays, and one shared empty one: most items have no criteria or fields.
            Criteria = criteria.Count == 0 ? Array.Empty<Checkbox>() : [.. criteria],
            Fields = fields.Count == 0 ? Array.Empty<MetadataField>() : [.. fields],
            References = Distinct(b.ReferencesSoFar, b.Id),
            Status = status,
            Priority = Priority(b),
            Effort = Effort(b),
            Owner = First(fields, FieldKind.Owner) is { } owner ? ValueParsers.ParseOwner(owner.Value) : owners.For(b.Heading ?? b.Section),
            Due = Date(First(fields, FieldKind.Due)),
            Created = Date(First(fields, FieldKind.Created)),
            Category = First(fields, FieldKind.Category)?.Value.Trim('*', '_', ' '),
            DependsOn = b.ListedDependsOn is { Count: > 0 } listed ? [.. listed.Distinct(StringComparer.Ordinal)] : DependsOn(fields),
            State = b.Box is not null ? ItemStateRules.ForTask(b.Box, status, criteria) : ItemStateRules.ForCard(status, criteria),
        };
        if (b.Heading is not null)
        {
            b.Heading.Card = item;
        }

        return item;
    }

    private static MetadataField? First(IReadOnlyList<MetadataField> fields, FieldKind kind)
    {
        foreach (var field in fields)
        {
            if (field.Kind == kind && field.HasValue)
            {
                return field;
            }
        }

        return null;
    }

    private DeclaredStatus? Status(ItemBuilder b)
    {
        if (b.SyntaxStatus is not null)
        {
            return b.SyntaxStatus;
        }

        var field = First(b.FieldsSoFar, FieldKind.Status);
        if (field is null)
        {
            return null;
        }

        var reading = statuses.Read(encoding.Repair(field.Value));
        if (reading.State is null)
        {
            Note(reading.Why is { } why
                ? $"status '{field.Value}' of '{b.Title}' is not read as a state because {why}; its state comes from its boxes"
                : $"status '{field.Value}' of '{b.Title}' is not understood; add it to `statuses:` in punchlist.yml", field.ValueSpan);
        }

        return new DeclaredStatus(field.Value, reading.State, field.ValueSpan);
    }

    // Priority from, in order: the item's own field, a tag in its title, the sections around it,
    // and its ID prefix — unless a section around it is a phase, where `P0-` means phase 0.
    private PriorityInfo? Priority(ItemBuilder b)
    {
        if (b.SyntaxPriority is not null)
        {
            return b.SyntaxPriority;
        }

        var field = First(b.FieldsSoFar, FieldKind.Priority);
        if (field is not null)
        {
            var fromField = PriorityVocabulary.FromField(encoding.Repair(field.Value));
            if (fromField is not null)
            {
                return fromField;
            }

            Note($"priority '{field.Value}' of '{b.Title}' is not understood", field.ValueSpan);
        }

        var fromTitle = PriorityVocabulary.FromTitle(b.MeantTitle);
        if (fromTitle is not null)
        {
            return fromTitle;
        }

        bool inPhase = false;
        for (var section = b.Section; section is not null; section = section.Parent)
        {
            if (section.Priority is not null)
            {
                return section.Priority;
            }

            inPhase |= section.IsPhase;
        }

        return b.Id is null || inPhase ? null : PriorityVocabulary.FromIdPrefix(b.Id);
    }

    private Effort? Effort(ItemBuilder b)
    {
        var field = First(b.FieldsSoFar, FieldKind.Effort);
        if (field is null)
        {
            return ValueParsers.FindEffortTag(b.MeantTitle, options.HoursPerDay);
        }

        var effort = ValueParsers.ParseEffort(field.Value, options.HoursPerDay);
        if (effort.Hours is null && field.Shape == FieldShape.TableCell && UnitOfColumn(field.Key) is { } unit)
        {
            // A number under `Days` or `Hours` takes its unit from the header: `| Days |` … `| 1.5 |` is 12 hours.
            var withUnit = ValueParsers.ParseEffort($"{field.Value.Trim().Trim('*')} {unit}", options.HoursPerDay);
            return withUnit.Hours is null ? effort : new Effort(effort.Text, withUnit.Hours, withUnit.MinHours);
        }

        return effort;
    }

    private static string? UnitOfColumn(string header)
    {
        string folded = TextFold.Words(header);
        foreach (string unit in (ReadOnlySpan<string>)["hours", "hour", "hrs", "days", "day", "weeks", "week"])
        {
            if (folded == unit || folded.EndsWith(" " + unit, StringComparison.Ordinal) || folded.StartsWith(unit + " ", StringComparison.Ordinal))
            {
                return unit;
            }
        }

        return null;
    }

    private DateValue? Date(MetadataField? field)
    {
        if (field is null)
        {
            return null;
        }

        var date = ValueParsers.ParseDate(field.Value, field.ValueSpan);
        if (date is null)
        {
            Note($"'{field.Key}: {field.Value}' is not a date this reader understands (write YYYY-MM-DD)", field.ValueSpan);
        }

        return date;
    }

    // Each target once (the first mention keeps its span); an item does not reference itself. Most items
    // name a handful of references, for which a pairwise check beats building a set; a card that spans a
    // whole document (a KEP) can name hundreds, for which it would not.
    private static IReadOnlyList<Reference> Distinct(IReadOnlyList<Reference> references, string? ownId)
    {
        if (references.Count == 0)
        {
            return Array.Empty<Reference>();
        }

        if (references.Count > 16)
        {
            return DistinctMany(references, ownId);
        }

        var kept = new List<Reference>(references.Count);
        foreach (var reference in references)
        {
            if ((reference.Kind != ReferenceKind.Item || !string.Equals(reference.Target, ownId, StringComparison.Ordinal)) && !Contains(kept, reference))
            {
                kept.Add(reference);
            }
        }

        return kept.Count == 0 ? Array.Empty<Reference>() : [.. kept];

        static bool Contains(List<Reference> kept, Reference r)
        {
            foreach (var k in kept)
            {
                if (k.Kind == r.Kind && k.Role == r.Role && string.Equals(k.Target, r.Target, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    // Out of line: its closure would otherwise be allocated on every call of Distinct.
    private static Reference[] DistinctMany(IReadOnlyList<Reference> references, string? ownId) =>
        references.Where(r => r.Kind != ReferenceKind.Item || !string.Equals(r.Target, ownId, StringComparison.Ordinal))
            .DistinctBy(r => (r.Kind, r.Target, r.Role))
            .ToArray();

    private static IReadOnlyList<string> DependsOn(IReadOnlyList<MetadataField> fields) =>
        First(fields, FieldKind.DependsOn) is null
            ? Array.Empty<string>()
            : fields.Where(f => f.Kind == FieldKind.DependsOn)
                .SelectMany(f => IdTokens.All(f.Value).Select(m => m.Value))
                .Distinct(StringComparer.Ordinal)
                .ToArray();

    private void Note(string message, TextSpan span) => notes.Add(new ReaderNote(message, span, source.PositionOf(span.Start)));
}
