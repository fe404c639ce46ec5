using Markdig.Syntax;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Reading;

internal sealed partial class DocumentWalker
{
    private void VisitList(ListBlock list, Scope scope)
    {
        if (_legend.IsLegend(list))
        {
            scope = scope with { InLegend = true };
        }

        var marks = scope.InLegend ? ListMarks.None : MarksOf(list);
        foreach (var block in list)
        {
            if (block is not ListItemBlock item)
            {
                continue;
            }

            if (item.Column - scope.ContentColumn >= 4)
            {
                NoteIndentedItem(item);
                continue;
            }

            var first = item.Count > 0 ? item[0] as ParagraphBlock : null;
            char? marker = first is null ? null : TaskBoxes.At(_text, first.Span.Start, first.Span.End + 1);
            if (marker is null)
            {
                if (first is not null && marks != ListMarks.None && TryVisitMark(item, first, marks, scope))
                {
                    continue;
                }

                if (first is not null)
                {
                    NoteNearBox(first);
                }

                var itemScope = scope with { InListItem = true, ContentColumn = ContentColumnOf(item) };
                var role = first is null ? ReferenceRole.Mention : VisitParagraph(first, itemScope);
                VisitChildren(item, first is null ? 0 : 1, itemScope with { FileRole = role });
                continue;
            }

            VisitTaskItem(item, first!, marker.Value, scope);
        }
    }

    // A checkbox list item: a criterion of the card or task around it, or else a task of its own.
    private void VisitTaskItem(ListItemBlock listItem, ParagraphBlock paragraph, char marker, Scope scope)
    {
        int boxAt = paragraph.Span.Start;
        var (text, textSpan) = InlineText.Plain(paragraph, _text, boxAt + 3, stopAtHardBreak: true);
        var mark = TaskBoxes.MarkOf(marker);
        var itemSpan = InlineText.SpanOf(listItem, _text);
        var box = new Checkbox
        {
            Marker = marker,
            Mark = mark,
            State = _legend.BoxState(marker),
            MarkerSpan = new TextSpan(boxAt, 3),
            Text = _encoding.Repair(text),
            TextSpan = textSpan,
            ItemSpan = itemSpan,
            Position = _source.PositionOf(boxAt),
            Depth = scope.ParentBox is null ? 0 : scope.ParentBox.Depth + 1,
            Parent = scope.ParentBox,
        };
        _boxes.Add(box);
        if (scope.InLegend)
        {
            return; // a legend's boxes are counted as GFM counts them, but they define markers, not work
        }

        var owner = scope.Owner is { TakesCriteria: true } around ? around : null;
        if (owner is null)
        {
            owner = NewTask(listItem, box, text, textSpan);
            _items.Add(owner);
        }
        else
        {
            owner.Criteria.Add(box);
        }

        var found = Found();
        InlineReferences.Collect(paragraph, _text, boxAt + 3, new InlineReferences.RoleSource(scope.FileRole), true, found);
        Keep(found, owner);
        VisitChildren(listItem, 1, new Scope(owner, box, ReferenceRole.Mention, true, ContentColumnOf(listItem)));
    }

    private static int ContentColumnOf(ListItemBlock item) => item.Count > 0 ? item[0].Column : item.Column + 2;

    // CommonMark lets a list item start at most 3 columns into its container: a marker indented 4 or
    // more continues the paragraph above (or is code). Markdig opens a list item there after a wide
    // ordered marker such as `101. `, so the rule is applied here, and the user is told.
    private void NoteIndentedItem(ListItemBlock item)
    {
        int at = item.Span.Start;
        var line = _source.Lines.LineSpan(_text, _source.Lines.LineIndexOf(at));
        if (TaskBoxes.At(_text, Math.Min(line.End, at + 2), line.End) is not null || _text.AsSpan(line.Start, line.Length).Contains("[", StringComparison.Ordinal))
        {
            _notes.Add(new ReaderNote(
                $"'{_text[at..Math.Min(line.End, at + 40)]}' is indented 4 or more columns past its list, so Markdown reads it as text of the line above, not as a list item",
                TextSpan.FromBounds(at, line.End), _source.PositionOf(at)));
        }
    }

    // A task is an item from its list item's start to its box's end (NewItem, beside the marks).
    private ItemBuilder NewTask(ListItemBlock listItem, Checkbox box, string text, TextSpan textSpan) =>
        NewItem(ItemKind.Task, listItem.Span.Start, box.ItemSpan.End, box, text, textSpan);
}
