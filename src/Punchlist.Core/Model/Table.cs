using Punchlist.Text;

namespace Punchlist.Model;

/// <summary>A pipe table: dashboards, SLA policies and status matrices are read from these.</summary>
public sealed record TableModel(TextSpan Span, LinePosition Position, Section? Section, IReadOnlyList<TableRowModel> Rows)
{
    public TableRowModel? Header => Rows.Count > 0 && Rows[0].IsHeader ? Rows[0] : null;

    public IEnumerable<TableRowModel> Body => Rows.Where(r => !r.IsHeader);
}

public sealed record TableRowModel(bool IsHeader, LinePosition Position, IReadOnlyList<TableCellModel> Cells);

/// <summary>A cell's plain text and the span of its content (padding excluded).</summary>
public sealed record TableCellModel(string Text, TextSpan Span);
