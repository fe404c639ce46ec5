using Punchlist.Model;

namespace Punchlist.Json;

/// <summary>`punchlist.items/1`.</summary>
public sealed record ItemsJson(string Schema, string Today, IReadOnlyList<ItemJson> Items)
{
    public const string Version = "punchlist.items/1";
}

public sealed record ItemJson(
    string Key,
    string Address,
    string? Id,
    string Document,
    int Line,
    int Column,
    string Kind,
    string Title,
    string? Section,
    IReadOnlyList<string> SectionPath,
    string? Priority,
    string? PriorityLabel,
    string? Status,
    string State,
    BoxCountJson Criteria,
    string? Owner,
    string? Due,
    bool Overdue,
    EffortJson? Effort,
    string? Category,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<ReferenceJson> References);

public sealed record EffortJson(string Text, double? Hours);

public sealed record ReferenceJson(string Kind, string Target, string Role, int Line);

/// <summary>`punchlist.item/1`: one item in full.</summary>
public sealed record ItemDetailJson(
    string Schema,
    ItemJson Item,
    IReadOnlyList<FieldJson> Fields,
    IReadOnlyList<CriterionJson> CriteriaList,
    SourceJson Source,
    MatrixJson? Matrix = null)
{
    public const string Version = "punchlist.item/1";
}

/// <summary>For a row of a status matrix: the matrix's columns and this row's cells, each stage with the state read from it.</summary>
public sealed record MatrixJson(int Line, IReadOnlyList<string> Columns, IReadOnlyList<MatrixCellJson> Cells)
{
    public static MatrixJson? Of(Punchlist.Model.Item item)
    {
        if (item.Table is not { Kind: Punchlist.Model.TableKind.Matrix } table || item.Row is not { } row || table.Header is not { } header)
        {
            return null;
        }

        var cells = row.Cells.Select(cell => item.Criteria.FirstOrDefault(c => c.MarkerSpan == cell.Span) is { } stage
            ? new MatrixCellJson(cell.Text, stage.State.Name())
            : new MatrixCellJson(cell.Text, null)).ToList();
        return new MatrixJson(table.Position.Line, header.Cells.Select(c => c.Text).ToList(), cells);
    }
}

/// <summary>A cell as written; for a stage, the state it was read as (null for the row's other cells).</summary>
public sealed record MatrixCellJson(string Text, string? State);

public sealed record FieldJson(string Key, string Kind, string Value, int Line, int Column);

public sealed record CriterionJson(int Number, string Marker, string State, bool Checked, string Text, int Line, int Depth);

public sealed record SourceJson(int StartLine, int EndLine, string Excerpt);
