using System.Buffers;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading.Legend;

/// <summary>One definition of a legend: the marker (an emoji, or a box character), its label, and the state it names (null: not a state).</summary>
internal sealed record LegendEntry(string Marker, char? Box, string Label, ItemState? State, TextSpan Span);

/// <summary>
/// Finds a document's legends before it is walked, so a legend at the end still governs the whole
/// document. A legend is
/// <list type="bullet">
/// <item>a list under a heading or a label that names one (`## Legend`, `### Status Definitions`,
/// `**Priority Legend:**`, `Status key:`), whose entries are a marker, a label and an optional
/// definition: `- ✅ **COMPLETE**: All tasks done`, `- 🔴 CRITICAL — Blocker`, `` - `[!]` Blocked ``;</item>
/// <item>a line after such a label that pairs markers and labels (`Legend: ✅ Done · 🔄 Doing`);</item>
/// <item>a table of two or three columns whose first cells are single markers and whose second cells
/// name what they mean (`| 🟢 | Done |`).</item>
/// </list>
/// A list of boxes labelled by statuses alone (`- [x] done`, `- [-] dropped`) outside such a context is
/// a checklist, not a legend. Only top-level blocks and those in block quotes are looked at, and a list
/// or paragraph is parsed only in a legend's context: a document without a legend costs one pass over
/// its top-level blocks.
/// </summary>
internal sealed class LegendFinder(SourceText source, EncodingReport encoding, ReaderOptions options)
{
    private readonly string _text = source.Text;
    private readonly List<LegendEntry> _entries = [];
    private readonly HashSet<int> _blocks = [];

    public (List<LegendEntry> Entries, HashSet<int> Blocks) Find(ContainerBlock document)
    {
        Visit(document, depth: 0);
        return (_entries, _blocks);
    }

    private void Visit(ContainerBlock container, int depth)
    {
        bool context = false;
        for (int i = 0; i < container.Count; i++)
        {
            var block = container[i];
            switch (block)
            {
                case HeadingBlock heading:
                    context = MayNameLegend(InlineText.SpanOf(heading, _text)) && NamesLegend(Plain(heading));
                    break;
                case ParagraphBlock paragraph:
                    var span = InlineText.SpanOf(paragraph, _text);
                    int? end = MayNameLegend(new TextSpan(span.Start, Math.Min(span.Length, 40))) ? LabelEnd(Plain(paragraph)) : null;
                    if (end is { } cut && ReadInline(Plain(paragraph)[cut..], paragraph) is { Count: >= 2 } pairs)
                    {
                        _entries.AddRange(pairs);
                        _blocks.Add(paragraph.Span.Start);
                    }

                    // A label alone on its line governs the block after it; prose ends a heading's context.
                    context = end is not null || (context && span.Length < 40);
                    break;
                case ListBlock list:
                    if (context && ReadList(list) is { Count: >= 2 } entries)
                    {
                        _entries.AddRange(entries);
                        _blocks.Add(list.Span.Start);
                    }

                    break;
                case Table table:
                    if (ReadTable(table) is { Count: >= 2 } rows)
                    {
                        _entries.AddRange(rows);
                        _blocks.Add(table.Span.Start);
                    }

                    break;
                case QuoteBlock quote when depth < 4:
                    Visit(quote, depth + 1);
                    break;
            }
        }
    }

    private static readonly string[] LegendWords = ["legend", "symbols", "definitions", "markers", "icons", "meaning", "meanings", "emoji"];

    // The cheap look before folding: a heading or a paragraph's start holding one of the words at all.
    // Every heading and paragraph of every document is asked: one search for all the words at once
    // (the CLI's invariant globalization makes eight case-insensitive Contains a slow per-word scan).
    private static readonly SearchValues<string> LegendStems =
        SearchValues.Create(["legend", "symbol", "definition", "marker", "icon", "meaning", "emoji", "key"], StringComparison.OrdinalIgnoreCase);

    private bool MayNameLegend(TextSpan span) => _text.AsSpan(span.Start, span.Length).ContainsAny(LegendStems);

    private static bool NamesLegend(string title)
    {
        var words = TextFold.Words(title).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 6 && (words.Any(w => Array.IndexOf(LegendWords, w) >= 0) || words[^1] == "key");
    }

    // `Legend:`, `**Status key:**`, `Priority Legend:` at the start of a paragraph: where the label ends.
    private static int? LabelEnd(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon is > 0 and < 32 && NamesLegend(text[..colon]) ? colon + 1 : null;
    }

    private List<LegendEntry>? ReadList(ListBlock list)
    {
        var entries = new List<LegendEntry>();
        int items = 0;
        foreach (var block in list)
        {
            if (block is not ListItemBlock { Count: > 0 } item || item[0] is not ParagraphBlock paragraph)
            {
                continue;
            }

            items++;
            var span = InlineText.SpanOf(paragraph, _text);
            if (Entry(_text.AsSpan(span.Start, span.Length).ToString(), span) is { } entry)
            {
                entries.Add(entry);
            }
        }

        if (items < 2)
        {
            return null;
        }

        return 2 * entries.Count >= items ? entries : null;
    }

    // `✅ Done · 🔄 In progress · ❌ Not started`, `` `[ ]` todo, `[x]` done, `[!]` blocked ``.
    private List<LegendEntry>? ReadInline(string text, ParagraphBlock paragraph)
    {
        var span = InlineText.SpanOf(paragraph, _text);
        var entries = new List<LegendEntry>();
        foreach (string part in text.Split(['·', ',', ';', '|', '•', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Entry(part, span) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private List<LegendEntry>? ReadTable(Table table)
    {
        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count < 3 || rows[0].Count is < 2 or > 3)
        {
            return null;
        }

        var entries = new List<LegendEntry>();
        foreach (var row in rows.Skip(1))
        {
            if (row.Count < 2 || row[0] is not TableCell { Count: > 0 } first || row[1] is not TableCell { Count: > 0 } second)
            {
                return null;
            }

            var markerSpan = InlineText.SpanOf(first, _text);
            var labelSpan = InlineText.SpanOf(second, _text);
            string marker = Clean(_text.AsSpan(markerSpan.Start, markerSpan.Length).ToString()).Trim('|', ' ');
            string label = Clean(_text.AsSpan(labelSpan.Start, labelSpan.Length).ToString()).Trim('|', ' ');
            if (Entry($"{marker} {label}", markerSpan) is not { } entry || marker.Length > entry.Marker.Length + 1)
            {
                return null; // the first cell must be the marker alone
            }

            entries.Add(entry);
        }

        return entries;
    }

    // A marker, a label, and an optional definition after `-`, `—`, `–`, `:` or `=`.
    private LegendEntry? Entry(string raw, TextSpan span)
    {
        string text = encoding.Repair(Clean(raw)).Trim();
        string marker;
        char? box = null;
        int at;
        if (text.Length >= 3 && text[0] == '[' && text[2] == ']' && TaskBoxes.IsMarker(text[1]))
        {
            box = text[1];
            marker = text[..3];
            at = 3;
        }
        else if (EmojiAt(text) is { Length: > 0 } emoji)
        {
            marker = emoji;
            at = emoji.Length;
        }
        else
        {
            return null;
        }

        var rest = text.AsSpan(at).TrimStart(" =:-—–\uFE0F".AsSpan()).ToString();
        int cut = Separator(rest);
        string label = (cut < 0 ? rest : rest[..cut]).Trim().TrimEnd(':', '.');
        string definition = cut < 0 ? string.Empty : rest.AsSpan(cut).TrimStart(" =:-—–".AsSpan()).ToString();
        if (label.Length == 0 || label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 4)
        {
            return null;
        }

        var state = options.Statuses.Exact(label);
        if (state is null && PriorityVocabulary.FromField(label) is null)
        {
            state = options.Statuses.FirstPhrase(label) ?? (definition.Length > 0 ? options.Statuses.Read(definition).State : null);
        }

        return new LegendEntry(marker.TrimEnd('\uFE0F'), box, label, state, span);
    }

    private static int Separator(string rest)
    {
        int best = -1;
        foreach (string separator in new[] { " - ", " — ", " – ", ":", " = ", "=" })
        {
            int at = rest.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && (best < 0 || at < best))
            {
                best = at;
            }
        }

        return best;
    }

    // A leading emoji: a state marker, or any other pictograph (`📋`, `🆕`) with its variation selector.
    private static string? EmojiAt(string text)
    {
        if (StateMarkers.At(text) is { } known)
        {
            return text[..known.Length];
        }

        if (text.Length >= 2 && char.IsSurrogatePair(text[0], text[1]))
        {
            int length = 2 + (text.Length > 2 && text[2] == '\uFE0F' ? 1 : 0);
            return text[..length];
        }

        return text.Length > 0 && text[0] >= 0x2190 && char.GetUnicodeCategory(text[0]) == System.Globalization.UnicodeCategory.OtherSymbol
            ? text[..(1 + (text.Length > 1 && text[1] == '\uFE0F' ? 1 : 0))]
            : null;
    }

    // Emphasis and code marks around a legend's parts are decoration: `**📋 PLANNED**`, `` `[!]` ``.
    private static string Clean(string raw) => raw.Replace("**", string.Empty, StringComparison.Ordinal)
        .Replace("__", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);

    private string Plain(LeafBlock block) => InlineText.Plain(block, _text).Text;
}
