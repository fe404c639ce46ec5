using System.Text.RegularExpressions;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Reading.Vocabulary;

/// <summary>
/// Reads priorities from fields, title tags, section headings and ID prefixes, mapping each to a
/// canonical rank: P0..P3 as written, Critical/High/Medium/Low, and MoSCoW (Must→P0, Should→P1,
/// Could→P2, Won't→P3). The document's own words are kept as the label.
/// </summary>
public static partial class PriorityVocabulary
{
    private static readonly (string Phrase, int Rank)[] Words =
    [
        ("must have", 0), ("must", 0), ("should have", 1), ("should", 1), ("could have", 2), ("could", 2),
        ("nice to have", 2), ("won t have", 3), ("wont have", 3), ("won t", 3),
        ("critical", 0), ("blocker", 0), ("urgent", 0), ("highest", 0), ("showstopper", 0),
        ("high", 1), ("medium", 2), ("normal", 2), ("moderate", 2), ("low", 3), ("lowest", 3), ("minor", 3), ("trivial", 3),
    ];

    private static readonly (string Phrase, int Rank)[] SectionPhrases =
    [
        ("must have", 0), ("must haves", 0), ("should have", 1), ("should haves", 1), ("could have", 2), ("could haves", 2),
        ("nice to have", 2), ("nice to haves", 2), ("won t have", 3), ("wont have", 3),
        ("critical priority", 0), ("highest priority", 0), ("high priority", 1), ("medium priority", 2),
        ("normal priority", 2), ("low priority", 3), ("lowest priority", 3),
        ("priority critical", 0), ("priority high", 1), ("priority medium", 2), ("priority low", 3),
    ];

    private static readonly string[] BareSectionWords = ["critical", "high", "medium", "low", "urgent"];

    /// <summary>`**Priority:** High`, `P0 (Critical)`, `Must`.</summary>
    public static PriorityInfo? FromField(string value)
    {
        string clean = TextFold.TrimNoise(value);
        var tag = PTokenAtStart().Match(clean);
        if (tag.Success)
        {
            return new PriorityInfo(Clamp(tag.Groups[1].Value), tag.Value.Trim(), PrioritySource.Field);
        }

        string folded = TextFold.Words(clean);
        foreach (var (phrase, rank) in Words)
        {
            if (folded == phrase || folded.StartsWith(phrase + " ", StringComparison.Ordinal))
            {
                return new PriorityInfo(rank, Label(clean, phrase), PrioritySource.Field);
            }
        }

        return null;
    }

    /// <summary>A `(P0)` or `[P1]` tag in an item's own title.</summary>
    public static PriorityInfo? FromTitle(string title)
    {
        if (title.AsSpan().IndexOfAny('(', '[') < 0)
        {
            return null; // no tag without a bracket; the pattern need not run on every task title
        }

        var tags = PTag().Matches(title);
        var ranks = tags.Select(t => t.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return ranks.Count == 1 ? new PriorityInfo(Clamp(ranks[0]), "P" + ranks[0], PrioritySource.Title) : null;
    }

    /// <summary>`## P0: Critical Blockers`, `# 🔴 MUST HAVE (Critical Priority)`, `### High Priority`, `## Backtesting (P0)`.</summary>
    public static PriorityInfo? FromSection(string heading)
    {
        string clean = TextFold.TrimNoise(heading);
        var start = PTokenAtStart().Match(clean);
        if (start.Success)
        {
            return new PriorityInfo(Clamp(start.Groups[1].Value), start.Groups[0].Value.Trim().TrimEnd(':', '-', '.').Trim(), PrioritySource.Section);
        }

        string folded = TextFold.Words(clean);
        foreach (var (phrase, rank) in SectionPhrases)
        {
            if (ContainsWords(folded, phrase))
            {
                return new PriorityInfo(rank, Label(clean, phrase), PrioritySource.Section);
            }
        }

        var bare = folded.AsSpan();
        if (bare.EndsWith(" priority", StringComparison.Ordinal))
        {
            bare = bare[..^9];
        }

        foreach (string word in BareSectionWords)
        {
            if (bare.SequenceEqual(word))
            {
                return new PriorityInfo(RankOf(word), clean, PrioritySource.Section);
            }
        }

        // A tag needs a bracket; most headings have none, and every heading of a document comes here.
        if (clean.AsSpan().IndexOfAny('(', '[') < 0)
        {
            return null;
        }

        // spec-kit's phase headings: `## Phase 3: User Story 1 - Login (Priority: P1) 🎯 MVP`.
        if (PriorityTag().Match(clean) is { Success: true } named && FromField(named.Groups[1].Value) is { } fromTag)
        {
            return fromTag with { Source = PrioritySource.Section };
        }

        var tags = PTag().Matches(clean).Select(t => t.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return tags.Count == 1 ? new PriorityInfo(Clamp(tags[0]), "P" + tags[0], PrioritySource.Section) : null;
    }

    private static int RankOf(string phrase) => Array.Find(Words, w => w.Phrase == phrase).Rank;

    // `phrase` as whole words of `folded` (both lower-case words joined by single spaces).
    private static bool ContainsWords(string folded, string phrase)
    {
        for (int at = folded.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            int end = at + phrase.Length;
            if ((at == 0 || folded[at - 1] == ' ') && (end == folded.Length || folded[end] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>`PHASE 0`, `Phase 2: Hardening`: a phase, whose number is not a priority.</summary>
    public static bool IsPhase(string heading) => PhaseWord().IsMatch(heading);

    /// <summary>`P1-007` → P1; `MH-003` → Must (P0), `SH-` Should, `CH-` Could, `WH-` Won't.</summary>
    public static PriorityInfo? FromIdPrefix(string id)
    {
        var p = PIdPrefix().Match(id);
        if (p.Success)
        {
            return new PriorityInfo(Clamp(p.Groups[1].Value), "P" + p.Groups[1].Value, PrioritySource.IdPrefix);
        }

        int dash = id.IndexOf('-', StringComparison.Ordinal);
        string prefix = dash > 0 ? id[..dash].ToUpperInvariant() : string.Empty;
        return prefix switch
        {
            "MH" => new PriorityInfo(0, prefix, PrioritySource.IdPrefix),
            "SH" => new PriorityInfo(1, prefix, PrioritySource.IdPrefix),
            "CH" => new PriorityInfo(2, prefix, PrioritySource.IdPrefix),
            "WH" => new PriorityInfo(3, prefix, PrioritySource.IdPrefix),
            _ => null,
        };
    }

    private static int Clamp(string digit) => Math.Min(int.Parse(digit, System.Globalization.CultureInfo.InvariantCulture), PriorityInfo.Lowest);

    // The label is the document's own spelling of the phrase that matched (`MUST HAVE`, `High`).
    private static string Label(string clean, string phrase)
    {
        var words = phrase.Split(' ');
        var match = Regex.Match(clean, string.Join(@"\W+", words.Select(Regex.Escape)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return match.Success ? match.Value : clean;
    }

    [GeneratedRegex(@"^P([0-9])\b(?![-.]\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PTokenAtStart();

    [GeneratedRegex(@"[\(\[]\s*P([0-9])\s*[\)\]]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PTag();

    [GeneratedRegex(@"^P([0-9])-", RegexOptions.CultureInvariant)]
    private static partial Regex PIdPrefix();

    [GeneratedRegex(@"[\(\[]\s*priority\s*[:=]?\s*([^()\[\]]{1,20}?)\s*[\)\]]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriorityTag();

    [GeneratedRegex(@"\bphase\s*[0-9]+\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhaseWord();
}
