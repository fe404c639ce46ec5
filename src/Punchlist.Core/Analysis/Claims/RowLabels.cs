using Punchlist.Model;

namespace Punchlist.Analysis.Claims;

/// <summary>
/// The labels of one document's table rows, each read once (see <see cref="ClaimReader.Label"/>):
/// every claim of a row carries its label, and telling a dashboard of the document from a foreign
/// table reads every row again.
/// </summary>
internal sealed class RowLabels(TrackerDocument document)
{
    private readonly Dictionary<TableRowModel, string> _labels = new(ReferenceEqualityComparer.Instance);

    /// <summary>The label of a row with at least one cell: its first cell as it was meant to read.</summary>
    public string Of(TableRowModel row)
    {
        if (!_labels.TryGetValue(row, out string? label))
        {
            label = ClaimReader.Label(document, row.Cells[0].Text);
            _labels.Add(row, label);
        }

        return label;
    }
}
