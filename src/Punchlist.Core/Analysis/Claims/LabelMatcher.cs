using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Reading.Vocabulary;

namespace Punchlist.Analysis.Claims;

/// <summary>One way to read a claim: this group, counted this way.</summary>
internal sealed record Reading(ClaimGroup Group, Measure Measure);

/// <summary>
/// What a claim's label names, as readings in order of likelihood, and the unit its words name if
/// any. A claim is true when any reading makes it true; a false claim is reported on the first.
/// </summary>
internal sealed record LabelMatch(IReadOnlyList<Reading> Readings, Basis? Unit);

/// <summary>
/// Matches a claim's label to a group by meaning: a state (`DONE`, `In Progress`), the whole
/// document (`Total`, `TOTAL`, `Completion`), a priority tier (`P0: Critical Blockers`, `🔴 Must
/// Have`), a section (`Infrastructure/DevOps Tasks` ↔ `⚙️ Infrastructure & DevOps`), or a card
/// (`P0-001`). When nothing matches with confidence it says why instead of guessing.
/// </summary>
internal static class LabelMatcher
{
    public static LabelMatch? Match(GroupIndex index, Claim claim, out string why)
    {
        var document = index.Source;
        string label = claim.Label;
        var all = ClaimWords.Fold(label);
        var column = ClaimWords.Fold(claim.Column ?? string.Empty);
        bool progress = claim.Value.Shape != ClaimShape.Count;
        var measure = progress ? Measure.Progress
            : ClaimWords.MeasureOf(claim.Value.Words) ?? ClaimWords.MeasureOf(all) ?? ClaimWords.MeasureOf(column) ?? Measure.Total;
        var unit = ClaimWords.UnitOf(claim.Value.Words) ?? TrailingUnit(all) ?? ClaimWords.UnitOf(column);
        why = string.Empty;
        if (all.Count == 0)
        {
            why = "the label has no words to match";
            return null;
        }

        var scope = index.Scope(claim);
        var scopes = ReferenceEquals(scope, index.Document) ? [scope] : new List<ClaimGroup> { scope, index.Document };
        var words = GroupWords(label);
        var (section, candidates, partial) = words.Count == 0 ? (null, [], false) : index.FindSection(words);
        var sectionReading = section is not null && index.ItemsIn(section).Count > 0 ? new Reading(index.ForSection(section), measure) : null;
        var family = Family(document, claim.Value.Words.Concat(all).Concat(column));

        if (StatusVocabulary.Default.Exact(label) is { } state)
        {
            var readings = ByState(state, scopes, measure);
            if (readings.Count == 0)
            {
                why = $"'{label}' names a state, and a progress figure of {state.Name()} items says nothing";
                return null;
            }

            return new LabelMatch(InFamily(family, Prepend(sectionReading, readings)), unit);
        }

        if (words.Count == 0)
        {
            return new LabelMatch(InFamily(family, scopes.Select(s => new Reading(s, measure)).ToList()), unit);
        }

        if (!PriorityVocabulary.IsPhase(label) && PriorityVocabulary.FromSection(label) is { } priority)
        {
            var tiers = scopes.Select(s => new Reading(GroupIndex.Tier(priority, s), measure)).ToList();
            return new LabelMatch(InFamily(family, sectionReading is null ? tiers : [.. tiers, sectionReading]), unit);
        }

        if (sectionReading is not null)
        {
            return new LabelMatch(InFamily(family, [sectionReading]), unit);
        }

        if (IdTokens.AtStart(label) is { } id && document.Items.FirstOrDefault(i => i.Id == id.Groups["id"].Value) is { } card)
        {
            return new LabelMatch([new Reading(GroupIndex.ForCard(card), measure)], unit);
        }

        why = section is not null ? $"section '{index.Display(section)}' holds no items to count"
            : candidates.Count == 0 ? $"no section, priority tier or state of this document is called '{label}'"
            : partial ? $"'{label}' names only part of {List(index, candidates)}"
            : $"'{label}' could be any of {List(index, candidates)}";
        return null;
    }

    /// <summary>`Total`, `Overall progress`, `Completion`: a label that names no group of its own.</summary>
    public static bool IsGeneric(string label) =>
        StatusVocabulary.Default.Exact(label) is null && ClaimWords.Fold(label).Count > 0 && GroupWords(label).Count == 0;

    /// <summary>Whether a row label names a group of the document: a state, a priority tier, a section with items or a card.</summary>
    public static bool NamesGroup(GroupIndex index, string label)
    {
        if (StatusVocabulary.Default.Exact(label) is not null
            || (!PriorityVocabulary.IsPhase(label) && PriorityVocabulary.FromSection(label) is not null))
        {
            return true;
        }

        if (NamedSection(index, label) is not null)
        {
            return true;
        }

        return IdTokens.AtStart(label) is { } id && index.Source.Items.Any(i => i.Id == id.Groups["id"].Value);
    }

    /// <summary>The section with items a row label names, if any.</summary>
    public static Section? NamedSection(GroupIndex index, string label)
    {
        var words = GroupWords(label);
        return words.Count > 0 && index.FindSection(words).Section is { } section && index.ItemsIn(section).Count > 0 ? section : null;
    }

    // The words of a label that can name a group: noise, units and finished-or-not words removed.
    private static List<string> GroupWords(string label) =>
        GroupIndex.Words(label).Where(w => !ClaimWords.IsDone(w) && !ClaimWords.IsOpen(w) && !ClaimWords.IsProgress(w)).ToList();

    private static string List(GroupIndex index, IReadOnlyList<Section> sections) =>
        string.Join(", ", sections.Take(4).Select(s => $"'{index.Display(s)}' (line {s.Position.Line})")) + (sections.Count > 4 ? " …" : string.Empty);

    // `Done | 12` counts done items; `TODO | 17` open ones (blocked perhaps among them); a progress
    // figure beside `Done` is the scope's own progress.
    private static List<Reading> ByState(ItemState state, List<ClaimGroup> scopes, Measure measure)
    {
        if (measure == Measure.Progress)
        {
            return state == ItemState.Done ? scopes.Select(s => new Reading(s, Measure.Progress)).ToList() : [];
        }

        var readings = new List<Reading>();
        foreach (var scope in scopes)
        {
            readings.Add(new Reading(GroupIndex.InState(state, scope), Measure.Total));
            if (state == ItemState.Open)
            {
                readings.Add(new Reading(GroupIndex.InState(state, scope, blockedIsOpen: true), Measure.Total));
                readings.Add(new Reading(scope, Measure.Open));
            }
        }

        return readings;
    }

    /// <summary>The items a claim's unit word names among all: by ID prefix, or by the word their titles start with.</summary>
    private sealed record ItemFamily(Func<Item, bool> Member, string Qualifier, bool Only);

    // `20 features` in a document of `FEATURE-001` cards counts those cards first, then all items;
    // `Total Issues: 3` over `### Issue 1: …` cards counts those cards, not the boxes of its next steps.
    private static ItemFamily? Family(TrackerDocument document, IEnumerable<string> words)
    {
        string? unit = ClaimWords.UnitWordOf(words);
        if (unit is null)
        {
            return null;
        }

        if (document.Items.Any(i => i.Id is { } id && id.StartsWith(unit + "-", StringComparison.OrdinalIgnoreCase)))
        {
            string prefix = unit.ToUpperInvariant() + "-";
            return new ItemFamily(i => i.Id is { } id && id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase), $"{prefix}…", Only: false);
        }

        bool Titled(Item item)
        {
            var first = ClaimWords.Fold(item.Title);
            return first.Count > 0 && first[0] == unit;
        }

        return document.Items.Count(Titled) >= 2 && document.Items.Any(i => !Titled(i))
            ? new ItemFamily(Titled, $"'{char.ToUpperInvariant(unit[0])}{unit[1..]} …'", Only: true)
            : null;
    }

    // A family named by IDs is read first and the whole group after it; one named by the titles' first
    // word (`Issue 1: …`) is the only reading: the other items are not what the label counts.
    private static List<Reading> InFamily(ItemFamily? family, List<Reading> readings)
    {
        if (family is null)
        {
            return readings;
        }

        var named = readings.Select(r => r with
        {
            Group = r.Group with
            {
                Items = r.Group.Items.Where(family.Member).ToList(),
                Qualifier = r.Group.Qualifier ?? family.Qualifier,
            },
        });
        return family.Only ? [.. named] : [.. named, .. readings];
    }

    private static List<Reading> Prepend(Reading? first, List<Reading> rest) => first is null ? rest : [first, .. rest];

    private static Basis? TrailingUnit(List<string> words) => words.Count > 0 ? ClaimWords.Unit(words[^1]) : null;
}
