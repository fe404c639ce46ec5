using System.Collections.Frozen;
using Punchlist.Text;

namespace Punchlist.Analysis.Claims;

/// <summary>
/// The words that tell what a claimed number counts: its unit (`tasks`, `criteria`), whether it
/// counts finished or unfinished work (`done`, `outstanding`), and the noise around group names
/// (`Total`, `&`, plurals). Words are folded (lower case, no accents) and singular.
/// </summary>
internal static class ClaimWords
{
    private static readonly FrozenDictionary<string, Basis> Units = new Dictionary<string, Basis>(StringComparer.Ordinal)
    {
        ["item"] = Basis.Items, ["task"] = Basis.Items, ["todo"] = Basis.Items, ["card"] = Basis.Items,
        ["story"] = Basis.Items, ["feature"] = Basis.Items, ["issue"] = Basis.Items, ["ticket"] = Basis.Items,
        ["deliverable"] = Basis.Items, ["action"] = Basis.Items, ["entry"] = Basis.Items,
        ["criterion"] = Basis.Criteria, ["criteria"] = Basis.Criteria, ["subtask"] = Basis.Criteria,
        ["checkbox"] = Basis.Checkboxes, ["box"] = Basis.Checkboxes,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> DoneWords = new[]
    {
        "done", "complete", "completed", "finished", "closed", "resolved", "shipped", "delivered", "checked", "ticked",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> OpenWords = new[]
    {
        "open", "remaining", "outstanding", "pending", "left", "incomplete", "unfinished", "undone",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ProgressWords = new[]
    {
        "progress", "completion", "complete", "completed", "done", "percent", "percentage",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words that say "all of it" or nothing at all; what is left after removing them names a group.
    private static readonly FrozenSet<string> Noise = new[]
    {
        "total", "overall", "all", "grand", "count", "number", "sum", "summary", "actionable", "tracked", "current",
        "and", "or", "the", "of", "a", "an", "for", "to", "in", "on", "with", "by", "no", "qty", "status",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Adjectives allowed between a prose number and its unit: `50 actionable tasks`, `12 open items`.
    private static readonly FrozenSet<string> Adjectives = new[]
    {
        "actionable", "open", "remaining", "outstanding", "pending", "total", "tracked", "active", "planned", "main", "key",
        "identified", "more", "new", "critical", "high", "priority", "individual", "separate", "acceptance", "work",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CountHeadings = new[]
    {
        "count", "total", "number", "num", "qty", "open", "done", "completed", "complete", "remaining", "outstanding",
        "pending", "closed", "finished", "left", "progress", "completion",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Folded, singular words of a text, in order (`Infrastructure/DevOps Tasks` → infrastructure, devop, task).</summary>
    public static List<string> Fold(string text) =>
        TextFold.Words(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Singular).ToList();

    /// <summary>`tasks` → task, `stories` → story, `boxes` → box; `criteria` and short words stay.</summary>
    public static string Singular(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 4 && (word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("sses", StringComparison.Ordinal)))
        {
            return word[..^2];
        }

        return word.Length > 3 && word[^1] == 's' && word[^2] != 's' && word[^2] != 'u' ? word[..^1] : word;
    }

    public static Basis? Unit(string word) => Units.TryGetValue(word, out var basis) ? basis : null;

    public static bool IsDone(string word) => DoneWords.Contains(word);

    public static bool IsOpen(string word) => OpenWords.Contains(word);

    public static bool IsProgress(string word) => ProgressWords.Contains(word);

    public static bool IsNoise(string word) => Noise.Contains(word);

    public static bool IsAdjective(string word) => Adjectives.Contains(word);

    /// <summary>What finished-or-not a run of words asks for: `Outstanding` → Open, `Completed` → Done, else null.</summary>
    public static Measure? MeasureOf(IEnumerable<string> words)
    {
        foreach (string word in words)
        {
            if (IsOpen(word))
            {
                return Measure.Open;
            }

            if (IsDone(word))
            {
                return Measure.Done;
            }
        }

        return null;
    }

    /// <summary>The unit a run of words names, the last one winning (`Acceptance criteria` → criteria).</summary>
    public static Basis? UnitOf(IEnumerable<string> words)
    {
        Basis? unit = null;
        foreach (string word in words)
        {
            unit = Unit(word) ?? unit;
        }

        return unit;
    }

    /// <summary>
    /// A column whose cells count work: every word of its heading is a count word, a unit of work or
    /// noise (`Count`, `Tasks`, `# of Items`, `Done`) — not `Days`, `SLA`, `Tests` or `Plans Complete`,
    /// which count something Punchlist cannot see.
    /// </summary>
    public static bool IsCountHeading(IReadOnlyList<string> words) =>
        words.Count > 0 && words.Any(w => CountHeadings.Contains(w) || Unit(w) is not null)
        && words.All(w => CountHeadings.Contains(w) || Unit(w) is not null || IsNoise(w) || IsDone(w) || IsOpen(w) || IsProgress(w));

    /// <summary>The first unit word of a run of words (`feature` in `9 features`), as written, singular.</summary>
    public static string? UnitWordOf(IEnumerable<string> words) => words.FirstOrDefault(w => Unit(w) is not null);

    /// <summary>
    /// Words a heading may carry beyond a label that names it: numbering and structure (`Phase 7:`),
    /// state (`✅ COMPLETE`). `Documentation` names `Documentation Framework` only in part.
    /// </summary>
    public static bool IsSoft(string word) =>
        word.All(char.IsAsciiDigit) || Structural.Contains(word) || IsDone(word) || IsOpen(word) || IsProgress(word);

    private static readonly FrozenSet<string> Structural = new[]
    {
        "phase", "part", "section", "chapter", "stage", "milestone", "epic", "track", "workstream", "area",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A column whose percentages are progress: `Progress`, `Completion`, `% Done` — not `Coverage`, `Status`.</summary>
    public static bool IsProgressHeading(IReadOnlyList<string> words) =>
        words.Count == 0 || (words.Any(IsProgress) && words.All(w => IsProgress(w) || IsNoise(w) || IsDone(w) || Unit(w) is not null));

    /// <summary>
    /// A column whose fractions are progress: a count or progress heading, or `Status` (`| Status |
    /// 3/5 |`) — not `Score 4/5`, `Week 1/4` or `Plans Complete 3/3`.
    /// </summary>
    public static bool IsFractionHeading(IReadOnlyList<string> words) =>
        IsCountHeading(words) || IsProgressHeading(words) || (words.Count == 1 && words[0] == "status");
}
