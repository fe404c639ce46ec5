using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Punchlist.Model;
using Punchlist.Reading.Legend;
using Punchlist.Reading.Marks;
using Punchlist.Reading.Tables;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading;

/// <summary>
/// One pass over a Markdig syntax tree that builds sections, cards, tasks, criteria and metadata.
/// Headings open sections; a heading with an ID, or one followed directly by item metadata, opens a
/// card that lasts until the next heading of its level; a checkbox list item outside any card is a
/// task; boxes inside a card or a task are its criteria.
/// </summary>
internal sealed partial class DocumentWalker
{
    private readonly SourceText _source;
    private readonly string _text;
    private readonly ReaderOptions _options;
    private readonly EncodingReport _encoding;
    private readonly List<Section> _sections = [];
    private readonly List<Section> _openSections = [];
    private readonly List<ItemBuilder> _openCards = [];
    private readonly List<ItemBuilder> _items = [];
    private readonly List<Checkbox> _boxes = [];
    private readonly List<MetadataField> _metadata = [];
    private readonly List<TableModel> _tables = [];
    private readonly List<TextSpan> _verbatim = [];
    private readonly List<Reference> _references = [];
    private readonly List<Reference> _found = [];
    private readonly List<ReaderNote> _notes;
    private readonly List<string> _documentDependsOn = [];
    private string? _title;

    // Owners named outside any item: for a section (`**Owner**: Core Team` under `## P0`), or for the
    // whole document (front matter `owner:`, the lines under the title) under the null section.
    private readonly SectionOwners _owners = new();
    private TextSpan _lastParagraph;

    private readonly DocumentLegend _legend;
    private readonly MarkerReader _markers;
    private readonly TableItems _tableItems;

    public DocumentWalker(SourceText source, ReaderOptions options, EncodingReport encoding, DocumentLegend legend, List<ReaderNote> notes)
    {
        _legend = legend;
        _markers = new MarkerReader(legend, encoding);
        _tableItems = new TableItems(source, encoding, legend);
        _source = source;
        _text = source.Text;
        _options = options;
        _encoding = encoding;
        _notes = notes;
    }

    public WalkResult Walk(MarkdownDocument document)
    {
        var blocks = document.ToList();
        var markRuns = MarkedHeadingRuns(blocks);
        var role = ReferenceRole.Mention;
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block is HeadingBlock heading)
            {
                // A heading right under the title, nothing between them, is the document's subtitle.
                bool subtitle = i > 0 && blocks[i - 1] is HeadingBlock { Level: 1 } && _sections.Count == 1 && _title is not null;
                OpenHeading(heading, i + 1 < blocks.Count ? blocks[i + 1] : null, markRuns?.Contains(i) == true, subtitle);
                role = ReferenceRole.Mention;
                continue;
            }

            if (block is YamlFrontMatterBlock yaml)
            {
                var front = FrontMatter.Read(yaml, _source, _notes, out var dependsOn);
                _metadata.AddRange(front);
                NoteSectionOwner(front);
                _documentDependsOn.AddRange(dependsOn);
                continue;
            }

            role = Visit(block, new Scope(CurrentCard, null, role, false));
        }

        CloseSectionsFrom(0, _text.Length);
        return new WalkResult(_title, _sections, InDocumentOrder(_items), _boxes, _metadata, _tables, _verbatim, _references, _documentDependsOn) { Legend = _legend, Owners = _owners };
    }

    // Items are collected as the blocks holding them are walked, so a table read inside the lines a
    // loose box owns (found by the fuzzer: its rows listed after the mark whose lines hold them) could
    // come out of document order, which keys, sections and every later step assume. Sorted stably.
    private static List<ItemBuilder> InDocumentOrder(List<ItemBuilder> items)
    {
        for (int i = 1; i < items.Count; i++)
        {
            if (items[i].Start < items[i - 1].Start)
            {
                return [.. items.OrderBy(item => item.Start)];
            }
        }

        return items;
    }

    private ItemBuilder? CurrentCard => _openCards.Count > 0 ? _openCards[^1] : null;

    private void NoteSectionOwner(IReadOnlyList<MetadataField> fields)
    {
        foreach (var field in fields)
        {
            if (field.Kind == FieldKind.Owner && field.HasValue && ValueParsers.ParseOwner(field.Value) is { } owner)
            {
                _owners.Add(CurrentSection, owner);
            }
        }
    }

    private void OpenHeading(HeadingBlock heading, Block? next, bool inMarkRun, bool subtitle)
    {
        int level = heading.Level;
        int start = heading.Span.Start;
        CloseSectionsFrom(level, start);

        var (title, titleSpan) = InlineText.Plain(heading.Inline, _text);
        string meant = _encoding.Repair(title);
        var parent = _openSections.Count > 0 ? _openSections[^1] : null;
        var section = new Section
        {
            Index = _sections.Count,
            Level = level,
            Title = meant,
            HeadingSpan = InlineText.SpanOf(heading, _text),
            TitleSpan = titleSpan,
            Position = _source.PositionOf(start),
            Parent = parent,
            Priority = PriorityVocabulary.FromSection(meant),
            IsPhase = PriorityVocabulary.IsPhase(meant),
            Declared = HeadingState.Of(meant, titleSpan, _text, _legend),
        };
        bool isDocumentTitle = _sections.Count == 0 && level == 1;
        _sections.Add(section);
        _openSections.Add(section);

        var id = IdTokens.AtStart(meant);
        if (isDocumentTitle)
        {
            _title = meant;
        }

        if (inMarkRun && !isDocumentTitle && MarkText.Leading(_text, titleSpan.Start, titleSpan.End, _markers) is { } mark)
        {
            OpenHeadingMark(section, heading, mark);
        }

        // A heading that names a priority tier (`### 🔴 P0 - CRITICAL`) groups items even when an
        // owner or effort line follows it; only a heading that names work is a card.
        else if (id is not null)
        {
            OpenCard(section, heading, title, titleSpan, id.Groups["id"].Value);
        }
        else if (!isDocumentTitle && section.Priority is null && ItemMetadataAfter(next) is { } fields)
        {
            OpenCard(section, heading, title, titleSpan, null);
            _openCards[^1].Describes = Describes(fields, meant, subtitle);
        }

        CollectLinks(heading, CurrentCard);
    }

    // `### ☐ **1. Wire payments**` among sibling headings led by state emoji: an item of its own, in the
    // state its marker names. What lies under it stays the section's: its boxes are items, not its criteria.
    private void OpenHeadingMark(Section section, HeadingBlock heading, Marks.TextMark mark)
    {
        int from = mark.Start + mark.Length;
        var (text, textSpan) = InlineText.Plain(heading.Inline, _text, from);
        var box = NewMarkBox(mark, BoxStyle.Emoji, LeadingPhrase(text) ?? mark.State, text, textSpan, section.HeadingSpan, null);
        var meant = _encoding.Repair(text);
        var id = IdTokens.AtStart(meant);
        var item = new ItemBuilder
        {
            Kind = ItemKind.Mark,
            Id = id?.Groups["id"].Value,
            Title = text,
            MeantTitle = meant,
            TitleSpan = textSpan,
            Position = section.Position,
            Start = heading.Span.Start,
            Section = section.Parent,
            Heading = section,
            Level = heading.Level,
            Box = box,
            TakesCriteria = false,
        };
        _openCards.Add(item);
        _items.Add(item);
    }

    // Headings led by a definite state marker form a run — a list written as headings — when at least
    // two siblings (the same level, under the same heading) are, and they are most of the siblings led
    // by any emoji. Sections that all carry icons (`## 🔐 Security`, `## 🔄 Migration`, `## ✅
    // Pre-Launch Checklist`) use a state emoji as one icon among others. One pass with a stack of open
    // levels finds each heading's siblings.
    private HashSet<int>? MarkedHeadingRuns(List<Block> blocks)
    {
        Dictionary<(int Parent, int Level), (List<int> Marked, int Emoji)>? groups = null;
        var open = new List<(int Level, int Index)>();
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not HeadingBlock heading)
            {
                continue;
            }

            int level = heading.Level;
            while (open.Count > 0 && open[^1].Level >= level)
            {
                open.RemoveAt(open.Count - 1);
            }

            int parent = open.Count > 0 ? open[^1].Index : -1;
            open.Add((level, i));
            var span = InlineText.SpanOf(heading, _text);
            int start = span.Start;
            while (start < span.End && _text[start] is '#' or ' ' or '\t' or '*' or '_')
            {
                start++;
            }

            if (start >= span.End || _text[start] <= '\u007F')
            {
                continue; // no emoji leads it: it counts for nothing
            }

            groups ??= [];
            var key = (parent, level);
            var group = groups.TryGetValue(key, out var known) ? known : ([], 0);
            if (MarkText.Leading(_text, start, FirstLineEnd(span), _markers) is { Definite: true })
            {
                group.Marked.Add(i);
            }

            groups[key] = (group.Marked, group.Emoji + 1);
        }

        HashSet<int>? runs = null;
        foreach (var (marked, emoji) in (groups ?? []).Values)
        {
            if (marked.Count >= 2 && 2 * marked.Count > emoji)
            {
                (runs ??= []).UnionWith(marked);
            }
        }

        return runs;
    }

    private void OpenCard(Section section, HeadingBlock heading, string title, TextSpan titleSpan, string? id)
    {
        string cardTitle = title;
        var cardTitleSpan = titleSpan;
        int cut = id is null ? -1 : IdTokens.TitleStart(title, id);
        if (cut >= 0)
        {
            cardTitle = title[cut..];
            cardTitleSpan = FindTitle(cardTitle, titleSpan, cut);
        }

        var card = new ItemBuilder
        {
            Kind = ItemKind.Card,
            Id = id,
            Title = cardTitle,
            MeantTitle = _encoding.Repair(cardTitle),
            TitleSpan = cardTitleSpan,
            Position = section.Position,
            Start = heading.Span.Start,
            Section = section.Parent,
            Heading = section,
            Level = heading.Level,
        };
        _openCards.Add(card);
        _items.Add(card);
    }

    // The span of a title inside the heading or item text it was cut from: found in the source when the
    // plain text appears there as written, else approximated from the cut.
    private TextSpan FindTitle(string title, TextSpan whole, int cut)
    {
        int found = whole.Length >= title.Length ? _text.IndexOf(title, whole.Start, whole.Length, StringComparison.Ordinal) : -1;
        return found >= 0 ? new TextSpan(found, title.Length) : TextSpan.FromBounds(Math.Min(whole.End, whole.Start + cut), whole.End);
    }

    // A heading directly followed by metadata that describes work (status, priority, owner, due,
    // effort, severity) is a card even without an ID: `### Coach Dashboard` + `**Priority:** High`.
    private IReadOnlyList<MetadataField>? ItemMetadataAfter(Block? next)
    {
        var paragraph = next switch
        {
            ParagraphBlock p => p,
            ListBlock { Count: > 0 } list when list[0] is ListItemBlock { Count: > 0 } item => item[0] as ParagraphBlock,
            _ => null,
        };
        if (paragraph is null || TaskBoxes.At(_text, paragraph.Span.Start, paragraph.Span.End + 1) is not null)
        {
            return null;
        }

        var fields = MetadataLines.Read(_source, InlineText.SpanOf(paragraph, _text), FieldShape.Line);
        return fields.Any(f => f.HasValue && FieldKeys.NamesAnItem(f.Kind)) ? fields : null;
    }

    // A section that describes rather than tracks: its only item metadata is a status, and that status is
    // a description no rule reads with confidence (`Connected via the orchestrator`), the heading is the
    // document's subtitle (right under its title), or the heading states its own verdict (`agents/ - ✅ CONNECTED`, `Scenario 2 — ✅ APPROVED`, `… COMPLETE ✅`) that
    // the status line only restates. Unless criteria turn up under it, it is no card (see DocumentReader).
    private bool Describes(IReadOnlyList<MetadataField> fields, string heading, bool subtitle)
    {
        var status = fields.FirstOrDefault(f => f.Kind == FieldKind.Status && f.HasValue);
        if (status is null || fields.Any(f => f.HasValue && f.Kind != FieldKind.Status && FieldKeys.NamesAnItem(f.Kind)))
        {
            return false;
        }

        return subtitle || _legend.Statuses.Normalise(_encoding.Repair(status.Value)) is null || HeadingState.Verdict(heading, _legend);
    }

    private void CloseSectionsFrom(int level, int at)
    {
        while (_openSections.Count > 0 && _openSections[^1].Level >= level)
        {
            _openSections[^1].Extent = TextSpan.FromBounds(_openSections[^1].HeadingSpan.Start, at);
            _openSections.RemoveAt(_openSections.Count - 1);
        }

        while (_openCards.Count > 0 && _openCards[^1].Level >= level)
        {
            _openCards[^1].End = TrimEnd(at);
            _openCards.RemoveAt(_openCards.Count - 1);
        }
    }

    private int TrimEnd(int at)
    {
        while (at > 0 && char.IsWhiteSpace(_text[at - 1]))
        {
            at--;
        }

        return at;
    }

    private Section? CurrentSection => _openSections.Count > 0 ? _openSections[^1] : null;

    /// <summary>Who receives what a block holds: the item (card or task) it belongs to, the box above it, the files role of its list.</summary>
    private readonly record struct Scope(ItemBuilder? Owner, Checkbox? ParentBox, ReferenceRole FileRole, bool InListItem, int ContentColumn = 0, bool InLegend = false);
}

internal sealed record WalkResult(
    string? Title,
    List<Section> Sections,
    List<ItemBuilder> Items,
    List<Checkbox> Boxes,
    List<MetadataField> Metadata,
    List<TableModel> Tables,
    List<TextSpan> Verbatim,
    List<Reference> References,
    List<string> DependsOn)
{
    /// <summary>The document's own legend of markers (null for a document read line by line, or as Org).</summary>
    public DocumentLegend? Legend { get; init; }

    /// <summary>Owners named for sections or the whole document, outside any item.</summary>
    public SectionOwners Owners { get; init; } = new();
}

/// <summary>
/// Owners a document names for a section or for itself rather than for an item: an item that names no
/// owner of its own has the nearest one (its section's, then an enclosing one's, then the document's).
/// </summary>
internal sealed class SectionOwners
{
    private readonly Dictionary<Section, string> _bySection = new(ReferenceEqualityComparer.Instance);
    private string? _document;

    public void Add(Section? section, string owner)
    {
        if (section is null || (section.Index == 0 && section.Level == 1))
        {
            _document ??= owner;
        }
        else
        {
            _bySection.TryAdd(section, owner);
        }
    }

    public string? For(Section? section)
    {
        for (var s = section; s is not null && _bySection.Count > 0; s = s.Parent)
        {
            if (_bySection.TryGetValue(s, out string? owner))
            {
                return owner;
            }
        }

        return _document;
    }
}
