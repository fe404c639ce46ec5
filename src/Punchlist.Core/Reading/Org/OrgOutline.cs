using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Reading.Org;

/// <summary>
/// An Org file's structure as the scanner finds it, before it becomes the document model: entries
/// (headlines with their planning line and property drawer), plain-list items, tables, text lines and
/// verbatim regions, each with its span. Progress cookies are counted from this, not from the model:
/// Org counts over its own structure (top-level boxes of a section, direct child entries).
/// </summary>
internal sealed class OrgOutline
{
    public required OrgSettings Settings { get; init; }

    public List<OrgEntry> Entries { get; } = [];

    public List<OrgListItem> Items { get; } = [];

    public List<OrgTable> Tables { get; } = [];

    /// <summary>Lines of paragraphs (from their first non-blank character), where links and cookies are looked for.</summary>
    public List<OrgTextLine> TextLines { get; } = [];

    /// <summary>Blocks and drawers: never read for items.</summary>
    public List<TextSpan> Verbatim { get; } = [];

    public List<ReaderNote> Notes { get; } = [];
}

/// <summary>A headline and what belongs to it alone: its planning line, property drawer and the entries under it.</summary>
internal sealed class OrgEntry
{
    public required OrgHeadline Headline { get; init; }

    public OrgEntry? Parent { get; init; }

    /// <summary>Its level for nesting: the number of stars, capped at <see cref="OrgScanner.MaxDepth"/>.</summary>
    public required int Level { get; init; }

    /// <summary>In a `COMMENT` or `:ARCHIVE:` subtree: kept as a section, never read for items (Org's agenda skips both).</summary>
    public required bool Hidden { get; init; }

    /// <summary>End of its subtree (the next headline of its level or above), trailing blank lines excluded.</summary>
    public int End { get; set; }

    /// <summary>Planning (`DEADLINE:`…), properties (`:OWNER:`…), tags, and the last `State "DONE"` note.</summary>
    public List<MetadataField> Fields { get; } = [];

    public List<OrgEntry> Children { get; } = [];

    public string? Property(string key)
    {
        foreach (var field in Fields)
        {
            if (field.Shape == FieldShape.Property && string.Equals(field.Key.TrimEnd('+'), key, StringComparison.OrdinalIgnoreCase))
            {
                return field.Value;
            }
        }

        return null;
    }
}

/// <summary>A plain-list item: `- text`, `+ text`, `  * text`, `1. text`, `1) text`, perhaps with a box `[ ]` `[X]` `[-]`.</summary>
internal sealed class OrgListItem
{
    public required int Line { get; init; }

    /// <summary>The bullet's column.</summary>
    public required int Indent { get; init; }

    /// <summary>Where the bullet is.</summary>
    public required int Start { get; init; }

    /// <summary>End of its last non-blank line (children included).</summary>
    public int End { get; set; }

    public OrgListItem? Parent { get; init; }

    /// <summary>The entry whose section holds the item (null before the first headline).</summary>
    public OrgEntry? Entry { get; init; }

    public char? Box { get; init; }

    public TextSpan BoxSpan { get; init; }

    /// <summary>The text of its first paragraph, after bullet, counter and box.</summary>
    public TextSpan TextSpan { get; set; }
}

internal sealed record OrgTextLine(TextSpan Span, OrgListItem? Item, OrgEntry? Entry);

internal sealed record OrgTable(TextSpan Span, OrgEntry? Entry, IReadOnlyList<OrgTableRow> Rows);

internal sealed record OrgTableRow(int Line, bool IsHeader, IReadOnlyList<TextSpan> Cells);
