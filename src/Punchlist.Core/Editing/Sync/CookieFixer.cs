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
public sealed partial class CookieFixer : ISyncFixer
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
}
