using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Punchlist.Model;
using Punchlist.Reading.Tables;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading;

internal sealed partial class DocumentWalker
{
    /// <summary>Visits one block; returns the files role a following list inherits (`**Files to Create:**` above it).</summary>
    private ReferenceRole Visit(Block block, Scope scope)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                return VisitParagraph(paragraph, scope);
            case ListBlock list:
                VisitList(list, scope);
                break;
            case Table table:
                AddTable(table);
                break;
            case CodeBlock or HtmlBlock:
                _verbatim.Add(InlineText.SpanOf(block, _text));
                break;
            case HeadingBlock heading:
                // A heading inside a list item or a quote is text, not a section.
                CollectLinks(heading, scope.Owner);
                break;
            case ContainerBlock container:
                VisitChildren(container, 0, scope with { ContentColumn = container.Count > 0 ? container[0].Column : scope.ContentColumn });
                break;
        }

        return ReferenceRole.Mention;
    }

    private void VisitChildren(ContainerBlock container, int from, Scope scope)
    {
        var role = scope.FileRole;
        for (int i = from; i < container.Count; i++)
        {
            role = Visit(container[i], scope with { FileRole = role });
        }
    }

    private ReferenceRole VisitParagraph(ParagraphBlock paragraph, Scope scope)
    {
        var span = InlineText.SpanOf(paragraph, _text);
        _lastParagraph = span;
        var fields = MetadataLines.Read(_source, span, scope.InListItem ? FieldShape.ListItem : FieldShape.Line);
        if (fields.Count > 0)
        {
            (scope.Owner?.Fields ?? _metadata).AddRange(fields);
            if (scope.Owner is null)
            {
                NoteSectionOwner(fields);
            }
        }

        var found = Found();
        InlineReferences.Collect(paragraph, _text, 0, new InlineReferences.RoleSource(scope.FileRole, fields), scope.Owner is not null, found);
        if (scope.FileRole != ReferenceRole.Mention && scope.InListItem && found.Count == 0)
        {
            AddLeadingPath(paragraph, scope.FileRole, found);
        }

        Keep(found, scope.Owner);

        if (!scope.InLegend)
        {
            ReadLooseBoxes(span, scope);
        }

        var last = fields.Count > 0 ? fields[^1] : null;
        return last is { HasValue: false } ? FileLabels.RoleOf(last.Key) : ReferenceRole.Mention;
    }

    // In a files list, an item with no backticks or links names its file with its first word:
    // `- docs/config/ (detailed configuration documentation)`.
    private void AddLeadingPath(ParagraphBlock paragraph, ReferenceRole role, List<Reference> references)
    {
        var span = InlineText.SpanOf(paragraph, _text);
        int end = span.Start;
        while (end < span.End && !char.IsWhiteSpace(_text[end]))
        {
            end++;
        }

        string token = _text[span.Start..end].Trim('*', '_', ',');
        if (PathLike.IsPath(token))
        {
            references.Add(new Reference(PathLike.IsOutsideWorkspace(token) ? ReferenceKind.External : ReferenceKind.File,
                token, role, new TextSpan(_text.IndexOf(token, span.Start, StringComparison.Ordinal), token.Length)));
        }
    }

    private void AddTable(Table table)
    {
        var rows = new List<TableRowModel>();
        foreach (var row in table.OfType<TableRow>())
        {
            var cells = new List<TableCellModel>();
            foreach (var cell in row.OfType<TableCell>())
            {
                var paragraph = cell.Count > 0 ? cell[0] as ParagraphBlock : null;
                var (text, _) = InlineText.Plain(paragraph?.Inline, _text);
                cells.Add(new TableCellModel(text, TrimmedCellSpan(cell)));
                if (paragraph is not null)
                {
                    InlineReferences.Collect(paragraph.Inline, _text, 0, InlineReferences.RoleSource.Link, false, _references);
                }
            }

            rows.Add(new TableRowModel(row.IsHeader, _source.PositionOf(row.Span.Start), cells));
        }

        var span = InlineText.SpanOf(table, _text);
        var model = new TableModel(span, _source.PositionOf(span.Start), CurrentSection, rows);
        var (kind, items) = _legend.IsLegend(table) ? (TableKind.Legend, []) : _tableItems.Read(model, CurrentSection);
        model.Kind = kind;
        _items.AddRange(items);
        if (kind == TableKind.Matrix && items.Count > 0)
        {
            var stages = items.SelectMany(i => i.CriteriaSoFar).Select(c => c.Text).Distinct(StringComparer.Ordinal);
            _notes.Add(new ReaderNote(TableNotes.Matrix(items.Count, stages), span, _source.PositionOf(span.Start)));
        }

        _tables.Add(model);
    }

    private TextSpan TrimmedCellSpan(TableCell cell)
    {
        int start = Math.Clamp(cell.Span.Start, 0, _text.Length);
        int end = Math.Clamp(cell.Span.End + 1, start, _text.Length);
        while (start < end && _text[start] is ' ' or '\t')
        {
            start++;
        }

        while (end > start && _text[end - 1] is ' ' or '\t' or '|')
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    private void CollectLinks(LeafBlock block, ItemBuilder? owner = null)
    {
        var found = Found();
        InlineReferences.Collect(block, _text, 0, InlineReferences.RoleSource.Link, owner is not null, found);
        Keep(found, owner);
    }

    // References are collected into one reused list and copied to their owner only when there are
    // some: most paragraphs and task titles name none, and an owner's list is created on first use.
    private List<Reference> Found()
    {
        _found.Clear();
        return _found;
    }

    private void Keep(List<Reference> found, ItemBuilder? owner)
    {
        if (found.Count > 0)
        {
            (owner is null ? _references : owner.References).AddRange(found);
        }
    }
}
