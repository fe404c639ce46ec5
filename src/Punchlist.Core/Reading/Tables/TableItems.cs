using Punchlist.Analysis.Claims;
using Punchlist.Model;
using Punchlist.Reading.Legend;
using Punchlist.Text;

namespace Punchlist.Reading.Tables;

/// <summary>
/// Decides what a pipe table is and reads its rows as items when it tracks work:
/// <list type="bullet">
/// <item>a <b>dashboard</b> — a column of counts or progress under a heading that counts work
/// (`Tasks`, `Count`, `Plans Complete`, `Completion`) — stays claims, never items;</item>
/// <item>a <b>legend</b> — markers and what they mean — is found before (<see cref="LegendFinder"/>) and skipped;</item>
/// <item>a <b>status table</b> — a column whose header means status (`Status`, `State`, `Done`,
/// `Result`, `الحالة`), or, under no such header, one column of cells that are mostly status values —
/// is one item per row;</item>
/// <item>a <b>matrix</b> — no status header, and two or more columns of status values (stages,
/// environments, quarters) — is one item per row with one criterion per cell, named by its column.</item>
/// </list>
/// Every other table is left alone after a look at its header and at most its first rows.
/// </summary>
internal sealed class TableItems(SourceText source, EncodingReport encoding, DocumentLegend legend)
{
    // A column is of status values when this share of its non-empty cells are; rows past the sample are not looked at to decide.
    private const int SampleRows = 12;

    public (TableKind Kind, List<ItemBuilder> Rows) Read(TableModel table, Section? section)
    {
        if (table.Header is not { } header || header.Cells.Count < 2)
        {
            return (TableKind.Plain, []);
        }

        var body = new List<TableRowModel>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            if (!row.IsHeader && row.Cells.Count > 0)
            {
                body.Add(row);
            }
        }

        var headers = header.Cells.Select(c => encoding.Repair(c.Text)).ToArray();
        var roles = headers.Select(ColumnRoles.Of).ToArray();
        KeepOneEffort(headers, roles);
        if (body.Count == 0)
        {
            return (TableKind.Plain, []);
        }

        if (IsDashboard(headers, body))
        {
            return (TableKind.Dashboard, []);
        }

        int status = Array.IndexOf(roles, ColumnRole.Status);
        var stages = status >= 0 ? [] : StatusColumns(headers.Length, body);
        if (status < 0 && stages.Count == 1 && stages[0] > 0)
        {
            status = stages[0];
        }

        if (status >= 0)
        {
            return (TableKind.Status, StatusRows(table, section, headers, roles, body, status));
        }

        return stages.Count >= 2 && !stages.Contains(0)
            ? (TableKind.Matrix, MatrixRows(table, section, headers, roles, body, stages))
            : (TableKind.Plain, []);
    }

    private List<ItemBuilder> StatusRows(TableModel table, Section? section, string[] headers, ColumnRole[] roles, List<TableRowModel> body, int status)
    {
        int id = IdColumn(roles, body);
        int title = TitleColumn(roles, body, status, id, []);
        var items = new List<ItemBuilder>(body.Count);
        if (title < 0)
        {
            return items;
        }

        foreach (var row in body)
        {
            if (NewRow(table, section, row, title, id) is not { } item)
            {
                continue;
            }

            for (int c = 0; c < row.Cells.Count && c < headers.Length; c++)
            {
                // A placeholder says nothing, except in the owner column, where `TBD` says nobody (and no owner is inherited).
                if (c != title && row.Cells[c].Text.Length > 0 && (c == status || roles[c] == ColumnRole.Owner || !IsPlaceholder(row.Cells[c].Text)))
                {
                    var role = c == status ? ColumnRole.Status : roles[c] == ColumnRole.Status ? ColumnRole.Other : roles[c];
                    item.Fields.Add(Field(table, row, c, role));
                }
            }

            items.Add(item);
        }

        return items;
    }

    private List<ItemBuilder> MatrixRows(TableModel table, Section? section, string[] headers, ColumnRole[] roles, List<TableRowModel> body, List<int> stages)
    {
        int id = IdColumn(roles, body);
        int title = TitleColumn(roles, body, -1, id, stages);
        var items = new List<ItemBuilder>(body.Count);
        if (title < 0)
        {
            return items;
        }

        foreach (var row in body)
        {
            if (NewRow(table, section, row, title, id) is not { } item)
            {
                continue;
            }

            for (int c = 0; c < row.Cells.Count && c < headers.Length; c++)
            {
                var cell = row.Cells[c];
                if (c == title || cell.Text.Length == 0)
                {
                    continue;
                }

                if (stages.Contains(c))
                {
                    if (Cell(table.Header!.Cells[c], cell) is { } box)
                    {
                        item.Criteria.Add(box);
                    }
                }
                else if (!IsPlaceholder(cell.Text))
                {
                    item.Fields.Add(Field(table, row, c, roles[c]));
                }
            }

            items.Add(item);
        }

        return items;
    }

    private ItemBuilder? NewRow(TableModel table, Section? section, TableRowModel row, int title, int id)
    {
        if (title >= row.Cells.Count)
        {
            return null;
        }

        var cell = row.Cells[title];
        string text = StripStrike(cell.Text);
        string meant = encoding.Repair(text);
        if (TextFold.Words(meant) is not { Length: > 0 } folded || IsTotal(folded))
        {
            return null;
        }

        string? rowId = id >= 0 && id < row.Cells.Count && LooksLikeId(row.Cells[id].Text) ? CleanId(row.Cells[id].Text) : null;
        var span = RowSpan(row);
        return new ItemBuilder
        {
            Kind = ItemKind.Row,
            Id = rowId,
            Title = text,
            MeantTitle = meant,
            TitleSpan = cell.Span,
            Position = source.PositionOf(span.Start),
            Start = span.Start,
            End = span.End,
            Section = section,
            Table = table,
            Row = row,
        };
    }

    private MetadataField Field(TableModel table, TableRowModel row, int column, ColumnRole role)
    {
        var headerCell = table.Header!.Cells[column];
        var cell = row.Cells[column];
        var kind = role == ColumnRole.Other ? Vocabulary.FieldKeys.Classify(headerCell.Text) : ColumnRoles.FieldOf(role);
        if (role == ColumnRole.Other && kind is FieldKind.Status or FieldKind.Title or FieldKind.Id)
        {
            kind = FieldKind.Custom; // a second status-like column (`Implementation`) is kept, not read as the status
        }

        return new MetadataField(headerCell.Text, kind, cell.Text, headerCell.Span, cell.Span, source.PositionOf(cell.Span.Start), FieldShape.TableCell);
    }

    private Checkbox? Cell(TableCellModel header, TableCellModel cell)
    {
        if (CellState(cell.Text) is not { } state)
        {
            return null;
        }

        var mark = state switch
        {
            ItemState.Done => BoxMark.Checked,
            ItemState.InProgress => BoxMark.InProgress,
            ItemState.Cancelled => BoxMark.Cancelled,
            ItemState.Blocked => BoxMark.Custom,
            _ => BoxMark.Unchecked,
        };
        return new Checkbox
        {
            Marker = MarkerFor(state),
            Mark = mark,
            State = state,
            Style = BoxStyle.Cell,
            Symbol = encoding.Repair(cell.Text),
            MarkerSpan = cell.Span,
            Text = encoding.Repair(header.Text),
            TextSpan = cell.Span,
            ItemSpan = cell.Span,
            Position = source.PositionOf(cell.Span.Start),
            Depth = 0,
        };
    }

    /// <summary>The character a state stands for when a box is written some other way.</summary>
    public static char MarkerFor(ItemState state) => state switch
    {
        ItemState.Done => 'x',
        ItemState.InProgress => '/',
        ItemState.Cancelled => '-',
        ItemState.Blocked => '!',
        _ => ' ',
    };

    // The state of a cell that is a status value: a marker (the legend's or a built-in one), a box, or a short status phrase.
    private ItemState? CellState(string text)
    {
        string meant = encoding.Repair(text).Trim();
        if (meant.Length == 0 || meant.Length > 40)
        {
            return null;
        }

        if (meant.Length == 3 && meant[0] == '[' && meant[2] == ']' && TaskBoxes.IsMarker(meant[1]))
        {
            return legend.BoxState(meant[1]);
        }

        if (meant is "-" or "—" or "–" or "n/a" or "N/A")
        {
            return ItemState.Cancelled;
        }

        if (legend.MarkerAt(meant, 0) is { } marker)
        {
            string rest = meant[marker.Length..].Trim();
            return rest.Length == 0 ? marker.State : legend.Statuses.Exact(rest) ?? (rest.Split(' ').Length <= 3 ? marker.State : null);
        }

        return legend.Statuses.Exact(meant);
    }

    // Columns (past the first) whose non-empty cells are mostly status values, judged on the first rows.
    private List<int> StatusColumns(int columns, List<TableRowModel> body)
    {
        var found = new List<int>();
        for (int c = 0; c < columns; c++)
        {
            int values = 0, filled = 0;
            for (int r = 0; r < body.Count && r < SampleRows; r++)
            {
                if (c >= body[r].Cells.Count || body[r].Cells[c].Text.Length == 0)
                {
                    continue;
                }

                filled++;
                if (CellState(body[r].Cells[c].Text) is not null)
                {
                    values++;
                }
                else if (filled - values > filled / 3 + 1)
                {
                    break; // already too many other cells: not a status column
                }
            }

            if (values >= Math.Min(2, body.Count) && 3 * values >= 2 * filled)
            {
                found.Add(c);
            }
        }

        return found;
    }

    // A column of counts or progress under a heading that counts work: the table sums up groups.
    private bool IsDashboard(string[] headers, List<TableRowModel> body)
    {
        for (int c = 1; c < headers.Length; c++)
        {
            var words = ClaimWords.Fold(headers[c]);
            bool counting = ClaimWords.IsCountHeading(words) || (words.Count > 0 && ClaimWords.IsProgressHeading(words))
                || words.Any(w => w is "complete" or "completed" or "done" or "progress" or "completion" or "percent" or "finished" or "closed")
                || headers[c].Contains('%', StringComparison.Ordinal);
            if (!counting)
            {
                continue;
            }

            int counts = 0, filled = 0;
            for (int r = 0; r < body.Count && r < SampleRows; r++)
            {
                if (c < body[r].Cells.Count && body[r].Cells[c].Text.Length > 0)
                {
                    filled++;
                    if (ClaimValueParser.Parse(source.Text, body[r].Cells[c].Span) is not null)
                    {
                        counts++;
                    }
                }
            }

            if (counts > 0 && 2 * counts >= filled)
            {
                return true;
            }
        }

        return false;
    }

    // `| Days | Hours |`: one column is the effort — an effort or estimate column, else hours, else days.
    private static void KeepOneEffort(string[] headers, ColumnRole[] roles)
    {
        int best = -1, bestRank = -1;
        for (int c = 0; c < roles.Length; c++)
        {
            if (roles[c] != ColumnRole.Effort)
            {
                continue;
            }

            string folded = TextFold.Words(headers[c]);
            int rank = folded.Contains("hour", StringComparison.Ordinal) ? 2 : folded.Contains("day", StringComparison.Ordinal) || folded.Contains("week", StringComparison.Ordinal) ? 1 : 3;
            if (rank > bestRank)
            {
                (best, bestRank) = (c, rank);
            }
        }

        for (int c = 0; c < roles.Length; c++)
        {
            if (roles[c] == ColumnRole.Effort && c != best)
            {
                roles[c] = ColumnRole.Other;
            }
        }
    }

    private static int IdColumn(ColumnRole[] roles, List<TableRowModel> body)
    {
        int id = Array.IndexOf(roles, ColumnRole.Id);
        if (id < 0)
        {
            return -1;
        }

        int ids = 0, filled = 0;
        foreach (var row in body.Take(SampleRows))
        {
            if (id < row.Cells.Count && row.Cells[id].Text.Length > 0)
            {
                filled++;
                ids += LooksLikeId(row.Cells[id].Text) ? 1 : 0;
            }
        }

        return filled > 0 && 2 * ids >= filled ? id : -1;
    }

    // The task/feature/item column, else the first text column that is no ID, status, owner, effort, date, notes or priority column.
    private static int TitleColumn(ColumnRole[] roles, List<TableRowModel> body, int status, int id, List<int> stages)
    {
        int titled = Array.IndexOf(roles, ColumnRole.Title);
        if (titled >= 0 && titled != status && !stages.Contains(titled))
        {
            return titled;
        }

        for (int c = 0; c < roles.Length; c++)
        {
            if (c != status && c != id && !stages.Contains(c) && roles[c] is ColumnRole.Other or ColumnRole.Category or ColumnRole.Id
                && body.Take(SampleRows).Any(r => c < r.Cells.Count && r.Cells[c].Text.Any(char.IsLetter)))
            {
                return c;
            }
        }

        return -1;
    }

    // `-`, `—`, `TBD`, `N/A`, `?`: a cell that says nothing is no field.
    private static bool IsPlaceholder(string text) =>
        text.Trim() is "-" or "—" or "–" or "?" or "TBD" or "tbd" or "N/A" or "n/a" or "—" or "none" or "None";

    private static bool IsTotal(string folded) =>
        folded is "total" or "totals" or "subtotal" or "sub total" or "grand total" or "sum" or "overall" or "all";

    // `C1`, `BE-001`, `FEATURE-001`, `L2-1`, `T001`: short, no spaces, a letter and a digit. A bare ordinal (`1`) is not an ID.
    public static bool LooksLikeId(string text)
    {
        string id = CleanId(text);
        return id.Length is > 0 and <= 24 && !id.Contains(' ', StringComparison.Ordinal)
            && id.Any(char.IsAsciiLetter) && id.Any(char.IsAsciiDigit) && char.IsAsciiLetterOrDigit(id[0]);
    }

    private static string CleanId(string text) => text.Trim().Trim('*', '_', '`', '#', '[', ']').Trim();

    private static string StripStrike(string text) =>
        text.Length > 4 && text.StartsWith("~~", StringComparison.Ordinal) && text.EndsWith("~~", StringComparison.Ordinal) ? text[2..^2].Trim() : text;

    private TextSpan RowSpan(TableRowModel row)
    {
        var lines = source.Lines;
        var line = lines.LineSpan(source.Text, row.Position.Line - 1);
        return TextSpan.FromBounds(line.Start, line.End);
    }
}
