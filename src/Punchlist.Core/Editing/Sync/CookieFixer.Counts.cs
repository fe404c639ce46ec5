using Markdig.Syntax;
using Punchlist.Model;
using Punchlist.Reading;

namespace Punchlist.Editing.Sync;

public sealed partial class CookieFixer
{
    /// <summary>
    /// What cookies count, looked up in indexes built once per document: searched item by item for
    /// every cookie, the counts cost the product of cookies and items (50,000 cookies took 30 s).
    /// </summary>
    private sealed class CookieCounts
    {
        private readonly TrackerDocument _document;
        private readonly Dictionary<int, Section> _sections;
        private readonly Dictionary<Checkbox, Item> _itemsByBox = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Checkbox, (int Done, int Total)> _children = new(ReferenceEqualityComparer.Instance);
        private readonly int[] _itemStarts;
        private readonly int[] _doneBefore;
        private readonly int[] _countedBefore;
        private readonly Checkbox[] _boxes;
        private readonly int[] _boxStarts;

        public CookieCounts(TrackerDocument document)
        {
            _document = document;
            _sections = document.Sections.GroupBy(s => s.HeadingSpan.Start).ToDictionary(g => g.Key, g => g.First());
            foreach (var item in document.Items)
            {
                if (item.Box is { } box)
                {
                    _itemsByBox.TryAdd(box, item);
                }
            }

            foreach (var box in document.Checkboxes)
            {
                if (box.Parent is { } parent && box.Counts)
                {
                    var (done, total) = _children.GetValueOrDefault(parent);
                    _children[parent] = (done + (box.IsChecked ? 1 : 0), total + 1);
                }
            }

            // Items by where they start, with running counts: a section's items are a range of them.
            var items = document.Items.OrderBy(i => i.Span.Start).ToArray();
            _itemStarts = [.. items.Select(i => i.Span.Start)];
            _doneBefore = new int[items.Length + 1];
            _countedBefore = new int[items.Length + 1];
            for (int i = 0; i < items.Length; i++)
            {
                bool counted = items[i].State != ItemState.Cancelled;
                _countedBefore[i + 1] = _countedBefore[i] + (counted ? 1 : 0);
                _doneBefore[i + 1] = _doneBefore[i] + (counted && items[i].State == ItemState.Done ? 1 : 0);
            }

            _boxes = [.. document.Checkboxes.OrderBy(b => b.MarkerSpan.Start)];
            _boxStarts = [.. _boxes.Select(b => b.MarkerSpan.Start)];
        }

        public (int Done, int Total, string Basis)? ForHeading(HeadingBlock heading)
        {
            if (!_sections.TryGetValue(heading.Span.Start, out var section))
            {
                return null; // a heading inside a list or a quote is text, not a section
            }

            if (section.Card is { } card)
            {
                return (card.CriteriaChecked, card.CriteriaTotal, "criteria");
            }

            int from = LowerBound(_itemStarts, section.Extent.Start), to = LowerBound(_itemStarts, section.Extent.End);
            return (_doneBefore[to] - _doneBefore[from], _countedBefore[to] - _countedBefore[from], "items");
        }

        public (int Done, int Total, string Basis)? ForListItem(Dictionary<int, Checkbox> boxes, ListItemBlock listItem, ParagraphBlock first)
        {
            if (boxes.TryGetValue(first.Span.Start, out var box))
            {
                if (_itemsByBox.TryGetValue(box, out var item))
                {
                    return (item.CriteriaChecked, item.CriteriaTotal, "criteria");
                }

                var (done, total) = _children.GetValueOrDefault(box);
                return (done, total, "boxes");
            }

            // The boxes of the list item not under another box of it: a range of the boxes by position
            // (a box is visited once for each list item around it, and lists nest only so deep).
            var span = InlineText.SpanOf(listItem, _document.Source.Text);
            int topDone = 0, topTotal = 0;
            for (int i = LowerBound(_boxStarts, span.Start); i < _boxes.Length && _boxStarts[i] < span.End; i++)
            {
                var c = _boxes[i];
                if (c.Counts && (c.Parent is null || !span.Contains(c.Parent.MarkerSpan.Start)))
                {
                    topTotal++;
                    topDone += c.State == ItemState.Done ? 1 : 0;
                }
            }

            return (topDone, topTotal, "boxes");
        }

        private static int LowerBound(int[] sorted, int value)
        {
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }
}
