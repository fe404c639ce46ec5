using Markdig.Syntax;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading.Legend;

/// <summary>
/// What a document's own legend says its markers mean (`` `[!]` Blocked ``, `[~] = Partial`, `| 🟢 |
/// Done |`, `- 🔄 **ENHANCED** - Feature completed and receiving improvements`). For that document a
/// legend comes before the built-in meanings and after punchlist.yml (`markers:`, `statuses:`), which
/// still overrides. A marker the legend gives a priority (`- 🔴 CRITICAL — Blocker`) or two different
/// states is no state marker in that document. The legend's lists and tables are never items.
/// </summary>
internal sealed class DocumentLegend
{
    private readonly ReaderOptions _options;
    private readonly Dictionary<char, ItemState> _boxes;
    private readonly Dictionary<string, ItemState?> _emoji;
    private readonly HashSet<int> _blocks;

    private DocumentLegend(ReaderOptions options, Dictionary<char, ItemState> boxes, Dictionary<string, ItemState?> emoji,
        Dictionary<string, ItemState> phrases, HashSet<int> blocks)
    {
        _options = options;
        _boxes = boxes;
        _emoji = emoji;
        _blocks = blocks;
        if (emoji.Count == 0 && phrases.Count == 0)
        {
            Statuses = options.Statuses;
            return;
        }

        // punchlist.yml's phrases first, then the legend's: the workspace still overrides the document.
        var custom = new Dictionary<string, ItemState>(options.StatusPhrases, StringComparer.Ordinal);
        foreach (var (phrase, state) in phrases)
        {
            custom.TryAdd(phrase, state);
        }

        Statuses = StatusVocabulary.With(custom, MarkerAt);
    }

    /// <summary>The document's status vocabulary: punchlist.yml's phrases, the legend's, then the built-in ones.</summary>
    public StatusVocabulary Statuses { get; }

    /// <summary>What the legend maps, for the reader's notes and the docs: marker → state (null: not a state here).</summary>
    public IEnumerable<(string Marker, ItemState? State)> Entries =>
        _boxes.Select(b => ($"[{b.Key}]", (ItemState?)b.Value)).Concat(_emoji.Select(e => (e.Key, e.Value)));

    public static DocumentLegend None(ReaderOptions options) => new(options, [], [], [], []);

    public static DocumentLegend Read(MarkdownDocument document, SourceText source, EncodingReport encoding, ReaderOptions options, List<ReaderNote> notes)
    {
        var found = new LegendFinder(source, encoding, options).Find(document);
        if (found.Entries.Count == 0)
        {
            return None(options);
        }

        var boxes = new Dictionary<char, ItemState>();
        var emoji = new Dictionary<string, ItemState?>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, ItemState>(StringComparer.Ordinal);
        var conflicts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in found.Entries)
        {
            if (entry.Box is { } box)
            {
                if (box is not (' ' or 'x' or 'X') && entry.State is { } state)
                {
                    boxes.TryAdd(box, state);
                }

                continue;
            }

            if (emoji.TryGetValue(entry.Marker, out var known) && known != entry.State)
            {
                conflicts.Add(entry.Marker);
            }

            emoji[entry.Marker] = entry.State;
            if (entry.State is { } labelled && entry.Label.Length > 0 && options.Statuses.Exact(entry.Label) is null)
            {
                phrases.TryAdd(entry.Label, labelled);
            }
        }

        foreach (string marker in conflicts)
        {
            emoji[marker] = null;
            var at = found.Entries.First(e => e.Marker == marker);
            notes.Add(new ReaderNote($"the legend gives '{marker}' more than one meaning, so it is not read as a state in this document", at.Span, source.PositionOf(at.Span.Start)));
        }

        return new DocumentLegend(options, boxes, emoji, phrases, found.Blocks);
    }

    /// <summary>True for a list or table (by its start offset) that is the document's legend.</summary>
    public bool IsLegend(Block block) => _blocks.Count > 0 && _blocks.Contains(block.Span.Start);

    /// <summary>The state of a box marker: GFM's `[ ]`/`[x]`, then punchlist.yml, the legend, the built-in extras.</summary>
    public ItemState BoxState(char marker) => marker switch
    {
        'x' or 'X' => ItemState.Done,
        ' ' or '\t' => ItemState.Open,
        _ when _options.Markers.TryGetValue(marker, out var configured) => configured,
        _ when _boxes.TryGetValue(marker, out var legend) => legend,
        _ => TaskBoxes.BuiltInState(marker),
    };

    /// <summary>True when the box marker has a meaning beyond GFM's here: the built-in extras, punchlist.yml or the legend.</summary>
    public bool KnowsBox(char marker) =>
        marker is ' ' or 'x' or 'X' or '/' or '-' or '~' || _options.Markers.ContainsKey(marker) || _boxes.ContainsKey(marker)
        || TaskBoxes.BuiltInState(marker) != ItemState.Open;

    /// <summary>The state marker at <paramref name="at"/> as this document means it; null where the legend makes it no state.</summary>
    public StateMarker? MarkerAt(string text, int at)
    {
        if (_emoji.Count > 0 && at < text.Length && StateMarkers.MayStart(text[at]))
        {
            foreach (var (marker, state) in _emoji)
            {
                if (string.CompareOrdinal(text, at, marker, 0, marker.Length) == 0)
                {
                    int length = marker.Length + (at + marker.Length < text.Length && text[at + marker.Length] == '\uFE0F' ? 1 : 0);
                    return state is { } s ? new StateMarker(marker, s, true, length) : null;
                }
            }
        }

        return StateMarkers.At(text, at);
    }
}
