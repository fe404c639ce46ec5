using Punchlist.Model;
using Punchlist.Search;

namespace Punchlist.Json;

/// <summary>`punchlist.item/1`: one item in full, from a fresh parse of its document.</summary>
public static class ItemMapping
{
    public static ItemDetailJson Detail(TrackerDocument document, Item item, DateOnly today) =>
        Detail(document, item, DocumentRecord.Of(document).Items[IndexOf(document, item)], today);

    /// <param name="record">The item's record (<see cref="DocumentRecord.Of"/>), when the caller has the document's already (export: one per document, not per item).</param>
    public static ItemDetailJson Detail(TrackerDocument document, Item item, ItemRecord record, DateOnly today)
    {
        var fields = item.Fields.Select(f => new FieldJson(f.Key, JsonMapping.Lower(f.Kind.ToString()), f.Value, f.Position.Line, f.Position.Column)).ToList();
        var criteria = item.Criteria.Select((c, i) => new CriterionJson(i + 1, c.Symbol ?? c.Marker.ToString(), c.State.Name(), c.IsChecked, c.Text, c.Position.Line, c.Depth)).ToList();
        var start = document.PositionOf(item.Span.Start);
        var end = document.PositionOf(Math.Max(item.Span.Start, item.Span.End - 1));
        return new ItemDetailJson(ItemDetailJson.Version, JsonMapping.Item(document.Path, record, today), fields, criteria,
            new SourceJson(start.Line, end.Line, document.Source.Slice(item.Span)), MatrixJson.Of(item));
    }

    private static int IndexOf(TrackerDocument document, Item item)
    {
        for (int i = 0; i < document.Items.Count; i++)
        {
            if (ReferenceEquals(document.Items[i], item))
            {
                return i;
            }
        }

        throw new ArgumentException("the item is not in the document", nameof(item));
    }
}
