using System.Security.Cryptography;
using System.Text;
using Punchlist.Model;
using Punchlist.Search;
using Punchlist.Text;
using Punchlist.Workspaces;

namespace Punchlist.Export;

/// <summary>
/// One item as `punch export` gives it to a spreadsheet or a retrieval pipeline: the item's own text
/// (its lines, without the items nested in it), where it is, and two hashes — <see cref="Id"/>, which
/// names the item for as long as its address does, and <see cref="ContentHash"/>, which changes when
/// anything an embedding of it would show changes.
/// </summary>
public sealed record ExportedItem(TrackerDocument Document, Item Item, ItemRecord Record, string Id, string ContentHash, int StartLine, int EndLine, string Text);

/// <summary>Every item of a workspace, once, in document and position order, for `punch export`.</summary>
public static class ItemExport
{
    public static IEnumerable<ExportedItem> Of(Workspace workspace)
    {
        foreach (var document in workspace.Documents)
        {
            var records = DocumentRecord.Of(document, workspace.Config.Check).Items;
            var nested = NestedSpans(document.Items);
            for (int i = 0; i < document.Items.Count; i++)
            {
                var item = document.Items[i];
                var record = records[i];
                string text = OwnText(document, item, nested[i]);
                int start = document.PositionOf(item.Span.Start).Line;
                int end = document.PositionOf(Math.Max(item.Span.Start, item.Span.End - 1)).Line;
                yield return new ExportedItem(document, item, record, StableId(document.Path, item.Key), ContentHash(record, text), start, end, text);
            }
        }
    }

    /// <summary>
    /// An item's stable ID: the first 128 bits of SHA-256 over its address, in hex. It stays the same
    /// across scans, edits of the item and of other items, and moves within the document; it changes
    /// when the document is renamed or the item's key changes (a new ID, or a title edit of an item with none).
    /// </summary>
    public static string StableId(string document, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{document}#{key}")).AsSpan(0, 16));

    /// <summary>
    /// SHA-256 over what an embedding of the item shows: its text and the facts a reader of it is told
    /// (state, priority, owner, due date, section). Line numbers are left out, so an item pushed down by
    /// an edit above it keeps its hash, and so is anything that depends on the day.
    /// </summary>
    public static string ContentHash(ItemRecord record, string text)
    {
        var content = new StringBuilder(text.Length + 128)
            .Append(text).Append('\u001f')
            .Append(record.State.Name()).Append('\u001f')
            .Append(record.Priority?.Name).Append('\u001f')
            .Append(record.Owner).Append('\u001f')
            .Append(record.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f')
            .AppendJoin('\u001e', record.SectionPath);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())));
    }

    // For each item, the spans of the other items that lie inside it (a card's sub-cards, a task
    // list under a card): those are exported as items of their own, so they are cut from its text.
    private static List<TextSpan>[] NestedSpans(IReadOnlyList<Item> items)
    {
        var nested = new List<TextSpan>[items.Count];
        var order = Enumerable.Range(0, items.Count).OrderBy(i => items[i].Span.Start).ThenByDescending(i => items[i].Span.End).ToArray();
        for (int a = 0; a < order.Length; a++)
        {
            var outer = items[order[a]].Span;
            var inside = new List<TextSpan>();
            int reached = outer.Start;
            for (int b = a + 1; b < order.Length && items[order[b]].Span.Start < outer.End; b++)
            {
                var span = items[order[b]].Span;

                // Only the outermost of the nested items: what lies inside them is cut with them.
                if (span.End <= outer.End && span.Start >= reached)
                {
                    inside.Add(span);
                    reached = span.End;
                }
            }

            nested[order[a]] = inside;
        }

        return nested;
    }

    private static string OwnText(TrackerDocument document, Item item, List<TextSpan> cut)
    {
        if (cut.Count == 0)
        {
            return document.Source.Slice(item.Span).TrimEnd();
        }

        var text = new StringBuilder();
        int at = item.Span.Start;
        foreach (var span in cut)
        {
            text.Append(document.Source.Slice(TextSpan.FromBounds(at, span.Start)));
            at = span.End;
        }

        text.Append(document.Source.Slice(TextSpan.FromBounds(at, item.Span.End)));
        return text.ToString().TrimEnd();
    }
}
