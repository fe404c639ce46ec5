using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Punchlist.Analysis.Findings;
using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Text;

namespace Punchlist.Editing.Sync;

/// <summary>
/// Keeps Org-style progress cookies true. A cookie counts, on a card heading or a task, the item's
/// criteria; on another box or a plain list item, the boxes directly under it; on a section heading,
/// the items in the section (done items out of items, cancelled left out). Cookies are looked for in
/// headings and in the first line of list items, never in code, links or the task box itself.
/// </summary>
public sealed class CookieFixer : ISyncFixer
{
    public IEnumerable<ProposedEdit> Propose(RuleContext context)
    {
        var document = context.Document;
        if (document.Format == DocumentFormat.Org)
        {
            return Org.OrgEdits.Cookies(document); // Org counts by its own rules (Reading/Org/OrgCookies)
        }

        string text = document.Source.Text;
        if (!text.Contains('[', StringComparison.Ordinal) || !ProgressCookie.Pattern().IsMatch(text))
        {
            return [];
        }

        if (document.Source.Bytes.Length > ReaderOptions.Default.MaxParseBytes || NestingProbe.TooDeep(text))
        {
            return []; // read line by line, as the reader did: Markdig would cost the square of the depth
        }

        // Parsed again because the document model keeps headings and boxes, not the inline trees that
        // tell a cookie from code or a link; the cheap check above keeps this to files that have one.
        MarkdownDocument parsed;
        try
        {
            parsed = Markdown.Parse(text, DocumentReader.EveryInlinePipeline);
        }
        catch (ArgumentException)
        {
            return []; // nested past Markdig's limit: the line reader found no cookies either
        }

        var boxes = document.Checkboxes.ToDictionary(b => b.MarkerSpan.Start);
        var counts = new Lazy<CookieCounts>(() => new CookieCounts(document), LazyThreadSafetyMode.None);
        var edits = new List<ProposedEdit>();
        foreach (var block in parsed.Descendants())
        {
            // Counting walks the document's items and boxes: it is deferred until a cookie is found.
            (TextSpan Region, ContainerInline? Inline, Func<(int Done, int Total, string Basis)?>? Count) line = block switch
            {
                HeadingBlock h => (InlineText.SpanOf(h, text), h.Inline, () => counts.Value.ForHeading(h)),
                ListItemBlock { Count: > 0 } li when li[0] is ParagraphBlock p => (FirstLine(document.Source, p), p.Inline, () => counts.Value.ForListItem(boxes, li, p)),
                _ => (default, null, null),
            };
            if (line.Count is null || line.Region.IsEmpty)
            {
                continue;
            }

            var cookies = Cookies(text, line.Region, line.Inline, boxes).ToList();
            if (cookies.Count == 0 || line.Count() is not { } counted)
            {
                continue;
            }

            foreach (var span in cookies)
            {
                string old = text.Substring(span.Start, span.Length);
                string now = ProgressCookie.Format(old, counted.Done, counted.Total);
                if (!string.Equals(old, now, StringComparison.Ordinal))
                {
                    edits.Add(new ProposedEdit(new TextEdit(span, now), ChangeKind.Cookie, $"progress cookie {old} counts {counted.Done} of {counted.Total} {counted.Basis}"));
                }
            }
        }

        return edits;
    }

    private static IEnumerable<TextSpan> Cookies(string text, TextSpan region, ContainerInline? inline, Dictionary<int, Checkbox> boxes)
    {
        var verbatim = inline is null
            ? []
            : inline.Descendants<Inline>().Where(i => i is CodeInline or LinkInline or AutolinkInline or HtmlInline).Select(i => i.Span).ToList();
        for (var m = ProgressCookie.Pattern().Match(text, region.Start, region.Length); m.Success; m = m.NextMatch())
        {
            var span = new TextSpan(m.Index, m.Length);
            if (!boxes.ContainsKey(span.Start) && !verbatim.Exists(v => v.Start <= span.Start && span.Start <= v.End))
            {
                yield return span;
            }
        }
    }

    private static TextSpan FirstLine(SourceText source, ParagraphBlock paragraph)
    {
        var line = source.Lines.LineSpan(source.Text, source.Lines.LineIndexOf(paragraph.Span.Start));
        return TextSpan.FromBounds(paragraph.Span.Start, line.End);
    }

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
