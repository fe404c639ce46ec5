using Punchlist.Text;

namespace Punchlist.Model;

/// <summary>One tracker file, read: its sections, items and boxes, each knowing where it came from.</summary>
public sealed class TrackerDocument
{
    /// <summary>Relative to the workspace root, with '/' separators.</summary>
    public required string Path { get; init; }

    public required SourceText Source { get; init; }

    /// <summary>Markdown, or Org-mode: editing writes boxes, statuses and cookies the way the format does.</summary>
    public DocumentFormat Format { get; init; }

    public string? Title { get; init; }

    /// <summary>The document's own ID (front matter `id`), used by other plans' `depends_on`.</summary>
    public string? Id { get; init; }

    /// <summary>Metadata that belongs to no item: front matter, the lines under the title, loose lines.</summary>
    public required IReadOnlyList<MetadataField> Metadata { get; init; }

    public required IReadOnlyList<Section> Sections { get; init; }

    public required IReadOnlyList<Item> Items { get; init; }

    /// <summary>Every task-list box, in document order: items' boxes and criteria alike.</summary>
    public required IReadOnlyList<Checkbox> Checkboxes { get; init; }

    public required IReadOnlyList<TableModel> Tables { get; init; }

    /// <summary>Code blocks and HTML blocks: text that is never tasks, claims or metadata.</summary>
    public required IReadOnlyList<TextSpan> Verbatim { get; init; }

    /// <summary>Document-level references (front matter `depends_on`, links outside items).</summary>
    public required IReadOnlyList<Reference> References { get; init; }

    public required EncodingReport Encoding { get; init; }

    public required IReadOnlyList<ReaderNote> Notes { get; init; }

    /// <summary>A document with no task and no card is not a tracker.</summary>
    public bool IsTracker => Items.Count > 0;

    public MetadataField? Field(FieldKind kind) => Metadata.FirstOrDefault(f => f.Kind == kind);

    public LinePosition PositionOf(int offset) => Source.PositionOf(offset);
}
