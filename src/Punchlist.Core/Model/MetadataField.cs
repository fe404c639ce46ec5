using Punchlist.Text;

namespace Punchlist.Model;

/// <summary>The meaning of a metadata key, whatever synonym the document used for it.</summary>
public enum FieldKind
{
    Custom,
    Id,
    Title,
    Status,
    Priority,
    Severity,
    Effort,
    Owner,
    Due,
    Category,
    Created,
    LastUpdated,
    LastReviewed,
    NextReview,
    ReviewCadence,
    DependsOn,
    Completed,
    Version,
}

/// <summary>A `Key: value` pair as written — in bold, in a list, in front matter — with both spans.</summary>
public sealed record MetadataField(
    string Key,
    FieldKind Kind,
    string Value,
    TextSpan KeySpan,
    TextSpan ValueSpan,
    LinePosition Position,
    FieldShape Shape)
{
    public bool HasValue => Value.Length > 0;
}

/// <summary>Where a field was written, so an edit can keep its shape.</summary>
public enum FieldShape
{
    Line,
    ListItem,
    FrontMatter,

    /// <summary>A cell of a status table row, keyed by its column's header.</summary>
    TableCell,

    /// <summary>Org: a `:KEY: value` line of a `:PROPERTIES:` drawer.</summary>
    Property,

    /// <summary>Org: `SCHEDULED:`, `DEADLINE:` or `CLOSED:` with its timestamp, on the line under a headline.</summary>
    Planning,

    /// <summary>Org: an in-buffer setting, `#+TITLE: …`.</summary>
    Keyword,
}
