using Punchlist.Text;

namespace Punchlist.Model;

/// <summary>What a table is to the reader.</summary>
public enum TableKind
{
    /// <summary>Any other table: an SLA policy, a comparison, prose in cells.</summary>
    Plain,

    /// <summary>A status column: one item per row.</summary>
    Status,

    /// <summary>Things by stages or environments, a state in each cell: one item per row, one criterion per cell.</summary>
    Matrix,

    /// <summary>Counts or progress per group: claims, never items.</summary>
    Dashboard,

    /// <summary>The document's own legend of markers (`| 🟢 | Done |`): never items.</summary>
    Legend,
}

/// <summary>A pipe table: dashboards, SLA policies, status tables and matrices are read from these.</summary>
public sealed record TableModel(TextSpan Span, LinePosition Position, Section? Section, IReadOnlyList<TableRowModel> Rows)
{
    public TableKind Kind { get; internal set; }

    public TableRowModel? Header => Rows.Count > 0 && Rows[0].IsHeader ? Rows[0] : null;

    public IEnumerable<TableRowModel> Body => Rows.Where(r => !r.IsHeader);
}

public sealed record TableRowModel(bool IsHeader, LinePosition Position, IReadOnlyList<TableCellModel> Cells);

/// <summary>A cell's plain text and the span of its content (padding excluded).</summary>
public sealed record TableCellModel(string Text, TextSpan Span);
