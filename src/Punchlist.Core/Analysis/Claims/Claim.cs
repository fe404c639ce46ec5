using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Analysis.Claims;

internal enum ClaimSource
{
    /// <summary>A cell of a dashboard table, labelled by its row.</summary>
    Table,

    /// <summary>A metadata line (`**Total Items:** 50 actionable tasks`), labelled by its key.</summary>
    Field,
}

/// <summary>
/// A number a document declares about its own work: a dashboard cell or a metadata line. The label
/// (row name or key) says which group it counts; <see cref="Column"/> and the value's own words say
/// in what unit. Label and column are as written, with any repairable mojibake repaired.
/// <see cref="Container"/> is the cell's content or the field's value.
/// </summary>
internal sealed record Claim(ClaimSource Source, string Label, string? Column, ClaimValue Value, TextSpan Container, LinePosition Position)
{
    /// <summary>The item whose field this is (`**Progress:** 3/12` inside a card), if any.</summary>
    public Item? Owner { get; init; }

    /// <summary>The table of a dashboard cell.</summary>
    public TableModel? Table { get; init; }

    /// <summary>Its table's rows name sections outside the one it stands in: its `Total` is the document's.</summary>
    public bool DocumentWide { get; init; }

    /// <summary>`dashboard row 'Should Have' (Tasks)` or `'Total Items'`.</summary>
    public string Where => Source == ClaimSource.Table
        ? $"dashboard row '{Label}'" + (Column is { Length: > 0 } ? $" ({Column})" : string.Empty)
        : $"'{Label}'";
}
