using System.Text.RegularExpressions;
using Punchlist.Model;

namespace Punchlist.Analysis.Claims;

/// <summary>
/// The groups of one document a label can name: the document, its sections (by their words), its
/// priority tiers, its items by state and its cards. Built once per document.
/// </summary>
internal sealed partial class GroupIndex
{
    private readonly TrackerDocument _document;
    private readonly Dictionary<Section, List<Item>> _itemsIn = [];
    private readonly List<(Section Section, List<string> Words, List<string> Short)> _headings = [];
    private readonly Dictionary<string, (Section?, IReadOnlyList<Section>, bool)> _found = new(StringComparer.Ordinal);

    public GroupIndex(TrackerDocument document)
    {
        _document = document;
        Document = new ClaimGroup("the document", document.Items);
        foreach (var section in document.Sections)
        {
            _itemsIn[section] = [];
        }

        foreach (var item in document.Items)
        {
            for (var section = item.Section; section is not null; section = section.Parent)
            {
                if (_itemsIn.TryGetValue(section, out var list))
                {
                    list.Add(item);
                }
            }
        }

        foreach (var section in document.Sections.Where(s => s.Card is null))
        {
            string title = document.Encoding.Repair(section.Title);
            _headings.Add((section, Words(title), Words(Parenthetical().Replace(title, " "))));
        }
    }

    public ClaimGroup Document { get; }

    public TrackerDocument Source => _document;

    public IReadOnlyList<Item> ItemsIn(Section section) => _itemsIn.TryGetValue(section, out var items) ? items : [];

    public ClaimGroup ForSection(Section section) =>
        new($"section '{Display(section)}'", ItemsIn(section));

    public static ClaimGroup ForCard(Item card) =>
        new($"item {card.Key}", [card]) { CriteriaOnly = true };

    public static ClaimGroup Tier(PriorityInfo priority, ClaimGroup within) =>
        new(Within($"the {priority.Name} tier", within), within.Items.Where(i => i.Priority?.Rank == priority.Rank).ToList());

    public static ClaimGroup InState(ItemState state, ClaimGroup within, bool blockedIsOpen = false) =>
        new(within.Description, within.Items.Where(i => i.State == state || (blockedIsOpen && state == ItemState.Open && i.State == ItemState.Blocked)).ToList())
        {
            Qualifier = blockedIsOpen ? "open or blocked" : state.Name(),
            IncludesCancelled = state == ItemState.Cancelled,
        };

    /// <summary>
    /// What a label such as `Total` means where the claim stands: the card it sits in, else the nearest
    /// section around it that holds items (a dashboard in `## Sprint 3` sums up sprint 3), else the
    /// whole document.
    /// </summary>
    public ClaimGroup Scope(Claim claim)
    {
        if (claim.Owner is { } owner)
        {
            return ForCard(owner);
        }

        if (claim.DocumentWide)
        {
            return Document;
        }

        var section = Around(claim.Value.Span.Start);
        if (section?.Card is { } card)
        {
            return ForCard(card);
        }

        while (section is not null && ItemsIn(section).Count == 0)
        {
            section = section.Parent;
        }

        return section is null || ItemsIn(section).Count == _document.Items.Count ? Document : ForSection(section);
    }

    /// <summary>The innermost section around an offset.</summary>
    public Section? Around(int offset) => _document.Sections.LastOrDefault(s => s.Extent.Contains(offset));

    /// <summary>
    /// The section whose heading the label's words name (see <see cref="NameMatcher"/>); nested headings
    /// that both match resolve to the outer one. Null when none or several unrelated ones match, with
    /// the candidates: the several, or the headings that contain the label's words among others.
    /// </summary>
    public (Section? Section, IReadOnlyList<Section> Candidates, bool Partial) FindSection(IReadOnlyList<string> label)
    {
        // Every claim of a row, and the dashboard tests of its table, ask for the row's words again:
        // the headings are compared with them once. Words hold no spaces, so joined they are a key.
        string key = string.Join(' ', label);
        if (!_found.TryGetValue(key, out var found))
        {
            found = Search(label);
            _found.Add(key, found);
        }

        return found;
    }

    private (Section? Section, IReadOnlyList<Section> Candidates, bool Partial) Search(IReadOnlyList<string> label)
    {
        var exact = new List<Section>();
        var partial = new List<Section>();
        foreach (var (section, words, shortWords) in _headings)
        {
            var full = NameMatcher.Compare(label, words);
            var brief = NameMatcher.Compare(label, shortWords);
            if (full == NameMatch.Exact || brief == NameMatch.Exact)
            {
                exact.Add(section);
            }
            else if (full == NameMatch.Contained)
            {
                partial.Add(section);
            }
        }

        var outer = exact.Where(c => !exact.Any(o => o != c && c.Ancestors().Contains(o))).ToList();
        return outer.Count == 1 ? (outer[0], [], false) : outer.Count > 1 ? (null, outer, false) : (null, partial, true);
    }

    public string Display(Section section) => _document.Encoding.Repair(section.Title).Trim();

    /// <summary>A heading's or label's words for matching: folded, singular, without noise or a trailing unit.</summary>
    public static List<string> Words(string text)
    {
        var words = ClaimWords.Fold(text);
        while (words.Count > 1 && ClaimWords.Unit(words[^1]) is not null)
        {
            words.RemoveAt(words.Count - 1);
        }

        return words.Where(w => !ClaimWords.IsNoise(w)).ToList();
    }

    private static string Within(string what, ClaimGroup scope) =>
        scope.Description == "the document" ? what : $"{what} of {scope.Description}";

    [GeneratedRegex(@"\([^()]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthetical();
}
