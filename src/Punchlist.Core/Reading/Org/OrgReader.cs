using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading.Org;

/// <summary>
/// Reads an Org file into the same model as Markdown: every headline is a section; a headline with a
/// TODO keyword is a card (its keyword the declared status, `[#A]` its priority, its planning line
/// and property drawer its fields); plain-list boxes are tasks, or criteria of the card or box they
/// stand under, as in Markdown. Blocks, drawers and `COMMENT` or `:ARCHIVE:` subtrees hold no items.
/// </summary>
internal sealed class OrgReader
{
    private readonly SourceText _source;
    private readonly string _text;
    private readonly EncodingReport _encoding;
    private readonly OrgOutline _outline;
    private readonly Dictionary<OrgEntry, Section> _sections = [];
    private readonly Dictionary<OrgEntry, ItemBuilder> _cards = [];
    private readonly Dictionary<OrgListItem, (Checkbox Box, ItemBuilder Owner)> _boxes = [];
    private readonly List<ItemBuilder> _items = [];
    private readonly List<Checkbox> _checkboxes = [];
    private readonly List<Reference> _references = [];

    private OrgReader(SourceText source, ReaderOptions options, EncodingReport encoding)
    {
        _source = source;
        _text = source.Text;
        _encoding = encoding;
        _outline = OrgScanner.Scan(source, options.Statuses);
    }

    public static WalkResult Read(SourceText source, ReaderOptions options, EncodingReport encoding, List<ReaderNote> notes)
    {
        var reader = new OrgReader(source, options, encoding);
        notes.AddRange(reader._outline.Notes);
        return reader.Build();
    }

    private WalkResult Build()
    {
        foreach (var entry in _outline.Entries)
        {
            AddSection(entry);
        }

        foreach (var item in _outline.Items)
        {
            if (item.Box is not null && item.Entry is not { Hidden: true })
            {
                AddBox(item);
            }
        }

        foreach (var line in _outline.TextLines)
        {
            var found = new List<Reference>();
            var owner = OwnerOf(line.Item, line.Entry);
            OrgInline.References(_text, line.Span, owner is not null, found);
            (owner?.References ?? _references).AddRange(found);
        }

        // Items in document order: cards by their headline, tasks by their bullet.
        _items.Sort((a, b) => a.Start.CompareTo(b.Start));
        var tables = _outline.Tables.Select(Table).ToList();
        var metadata = _outline.Settings.Metadata;
        return new WalkResult(_outline.Settings.Title, [.. _sections.Values.OrderBy(s => s.Index)], _items, _checkboxes, metadata, tables, _outline.Verbatim, _references, []);
    }

    private void AddSection(OrgEntry entry)
    {
        var headline = entry.Headline;
        string title = headline.Title(_text);
        string meant = _encoding.Repair(title);
        var section = new Section
        {
            Index = _sections.Count,
            Level = entry.Level,
            Title = title,
            HeadingSpan = headline.Span,
            TitleSpan = headline.TitleSpan,
            Position = _source.PositionOf(headline.Span.Start),
            Parent = entry.Parent is null ? null : _sections[entry.Parent],
            Priority = PriorityVocabulary.FromSection(meant),
            IsPhase = PriorityVocabulary.IsPhase(meant),
        };
        section.Extent = TextSpan.FromBounds(headline.Span.Start, Math.Max(headline.Span.End, entry.End));
        _sections[entry] = section;
        if (headline.Keyword is { } keyword && !entry.Hidden)
        {
            AddCard(entry, section, title, keyword);
        }
    }

    private void AddCard(OrgEntry entry, Section section, string title, OrgKeyword keyword)
    {
        var headline = entry.Headline;
        var titleSpan = headline.TitleSpan;
        string? id = IdTokens.AtStart(_encoding.Repair(title))?.Groups["id"].Value;
        int cut = id is null ? -1 : IdTokens.TitleStart(title, id);
        if (cut >= 0)
        {
            title = title[cut..];
            int found = _text.IndexOf(title, titleSpan.Start, titleSpan.Length, StringComparison.Ordinal);
            titleSpan = found >= 0 ? new TextSpan(found, title.Length) : titleSpan;
        }

        // CUSTOM_ID is the entry's own name for itself; org-id's :ID: (a UUID) stays a field.
        id ??= entry.Property("CUSTOM_ID") is { Length: > 0 } custom ? custom : null;
        var card = new ItemBuilder
        {
            Kind = ItemKind.Card,
            Id = id,
            Title = title,
            MeantTitle = _encoding.Repair(title),
            TitleSpan = titleSpan,
            Position = section.Position,
            Start = headline.Span.Start,
            End = Math.Max(headline.Span.End, entry.End),
            Section = section.Parent,
            Heading = section,
            Level = entry.Level,
            SyntaxStatus = new DeclaredStatus(keyword.Name, keyword.State, headline.KeywordSpan),
            SyntaxPriority = Priority(headline),
        };
        card.Fields.AddRange(entry.Fields);
        OrgInline.References(_text, headline.TitleSpan, true, card.References);
        _cards[entry] = card;
        _items.Add(card);
    }

    private PriorityInfo? Priority(OrgHeadline headline)
    {
        if (headline.Priority is not { } value)
        {
            return null;
        }

        var range = _outline.Settings.Priorities;
        string label = value >= 'A' ? ((char)value).ToString() : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new PriorityInfo(range.RankOf(value), label, PrioritySource.Field);
    }

    private void AddBox(OrgListItem item)
    {
        var parent = BoxAbove(item);
        char marker = item.Box!.Value;
        var (mark, state) = marker switch
        {
            'X' or 'x' => (BoxMark.Checked, ItemState.Done),
            '-' => (BoxMark.InProgress, ItemState.InProgress), // Org's `[-]`: some of its children ticked
            _ => (BoxMark.Unchecked, ItemState.Open),
        };
        string text = OrgInline.Plain(_text, item.TextSpan);
        var box = new Checkbox
        {
            Marker = marker,
            Mark = mark,
            State = state,
            MarkerSpan = item.BoxSpan,
            Text = text,
            TextSpan = item.TextSpan,
            ItemSpan = TextSpan.FromBounds(item.Start, Math.Max(item.Start, item.End)),
            Position = _source.PositionOf(item.BoxSpan.Start),
            Depth = parent is null ? 0 : parent.Value.Box.Depth + 1,
            Parent = parent?.Box,
        };
        _checkboxes.Add(box);

        var owner = parent?.Owner ?? CardAround(item.Entry);
        if (owner is null)
        {
            owner = NewTask(item, box, text);
            _items.Add(owner);
        }
        else
        {
            owner.Criteria.Add(box);
        }

        _boxes[item] = (box, owner);
    }

    private (Checkbox Box, ItemBuilder Owner)? BoxAbove(OrgListItem item)
    {
        for (var above = item.Parent; above is not null; above = above.Parent)
        {
            if (_boxes.TryGetValue(above, out var found))
            {
                return found;
            }
        }

        return null;
    }

    // A card lasts to the end of its subtree: the innermost entry around that is a card.
    private ItemBuilder? CardAround(OrgEntry? entry)
    {
        for (var e = entry; e is not null; e = e.Parent)
        {
            if (_cards.TryGetValue(e, out var card))
            {
                return card;
            }
        }

        return null;
    }

    private ItemBuilder? OwnerOf(OrgListItem? item, OrgEntry? entry)
    {
        for (var i = item; i is not null; i = i.Parent)
        {
            if (_boxes.TryGetValue(i, out var found))
            {
                return found.Owner;
            }
        }

        return entry is { Hidden: true } ? null : CardAround(entry);
    }

    private ItemBuilder NewTask(OrgListItem item, Checkbox box, string text)
    {
        string? id = IdTokens.AtStart(_encoding.Repair(text))?.Groups["id"].Value;
        string title = text;
        var titleSpan = box.TextSpan;
        int cut = id is null ? -1 : IdTokens.TitleStart(text, id);
        if (cut >= 0)
        {
            title = text[cut..];
            int found = _text.IndexOf(title, titleSpan.Start, titleSpan.Length, StringComparison.Ordinal);
            titleSpan = found >= 0 ? new TextSpan(found, title.Length) : TextSpan.FromBounds(Math.Min(titleSpan.End, titleSpan.Start + cut), titleSpan.End);
        }

        return new ItemBuilder
        {
            Kind = ItemKind.Task,
            Id = id,
            Title = title,
            MeantTitle = _encoding.Repair(title),
            TitleSpan = titleSpan,
            Position = _source.PositionOf(item.Start),
            Start = item.Start,
            End = box.ItemSpan.End,
            Section = item.Entry is null ? null : _sections[item.Entry],
            Box = box,
        };
    }

    private TableModel Table(OrgTable table)
    {
        var rows = table.Rows.Select(r => new TableRowModel(r.IsHeader, _source.PositionOf(_source.Lines.LineStart(r.Line)),
            r.Cells.Select(c => new TableCellModel(OrgInline.Plain(_text, c), c)).ToList())).ToList();
        return new TableModel(table.Span, _source.PositionOf(table.Span.Start), table.Entry is null ? null : _sections[table.Entry], rows);
    }
}
