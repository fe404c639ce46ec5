using Punchlist.Evidence.Matching;
using Punchlist.Search;
using Punchlist.Text;

namespace Punchlist.History;

/// <summary>
/// Which items of the past a history command counts: those under the paths asked for, and matching
/// the query as each version of the item was (an item that became P0 counts in `priority:p0` from
/// that commit on). History keeps of each version its key, ID, title, headings, state, priority,
/// due date, owner and criteria, so the query's filters on those work; words match the title and
/// headings (case, accents and plural or -ing/-ed endings ignored). Filters on what history does not
/// keep (prose, effort, technologies, files) or that change with the day rather than with a commit
/// (`is:overdue`, `is:stale`) are refused with a one-line reason.
/// </summary>
public sealed class HistorySelection
{
    private readonly QueryNode? _root;
    private readonly IReadOnlyList<string> _scopes;

    private HistorySelection(QueryNode? root, IReadOnlyList<string> scopes)
    {
        _root = root;
        _scopes = scopes;
    }

    public static readonly HistorySelection All = new(null, []);

    /// <param name="scopes">Document paths or folders (relative to the workspace, `/`-separated); empty for all.</param>
    public static HistorySelection Of(Query query, IReadOnlyList<string> scopes)
    {
        if (query.Root is { } root)
        {
            Check(root);
        }

        return new HistorySelection(query.Root, [.. scopes.Where(s => s.Length > 0 && s != ".")]);
    }

    /// <summary>True when the document lies under one of the scopes (or there are none).</summary>
    public bool Covers(string document) =>
        _scopes.Count == 0 || _scopes.Any(s => document == s || document.StartsWith(s.TrimEnd('/') + "/", StringComparison.Ordinal));

    public bool Matches(ItemVersion item, string document) => Covers(document) && (_root is null || Eval(_root, item, document));

    private static bool Eval(QueryNode node, ItemVersion item, string document) => node switch
    {
        AllOf all => all.Parts.All(p => Eval(p, item, document)),
        AnyOf any => any.Parts.Any(p => Eval(p, item, document)),
        Not not => !Eval(not.Part, item, document),
        Words words => WordsMatch(words, item),
        IdFilter f => item.Id is { } id && id.StartsWith(f.Prefix, StringComparison.OrdinalIgnoreCase),
        PriorityFilter f => f.Ranks.Contains(item.Priority),
        StateFilter f => f.States.Contains(item.State),
        OwnerFilter { Name: null } => item.Owner is null,
        OwnerFilter f => item.Owner is { } owner && owner.TrimStart('@').StartsWith(f.Name!.TrimStart('@'), StringComparison.OrdinalIgnoreCase),
        SectionFilter f => item.Sections.Contains(f.Text, StringComparison.OrdinalIgnoreCase),
        DocFilter f => f.Matches(document),
        DueFilter f => item.Due is { } due && (f.From is not { } from || due >= from) && (f.To is not { } to || due <= to),
        HasFilter { What: HasWhat.Owner } => item.Owner is not null,
        HasFilter { What: HasWhat.Due } => item.Due is not null,
        HasFilter { What: HasWhat.Criteria } => item.CriteriaTotal > 0,
        HasFilter { What: HasWhat.Id } => item.Id is not null,
        _ => false,
    };

    private static bool WordsMatch(Words words, ItemVersion item)
    {
        var wanted = Stems(words.Text);
        if (wanted.Count == 0)
        {
            return true;
        }

        var have = Stems(item.Title + " " + item.Sections.Replace(ItemVersion.SectionSeparator, ' '));
        if (words.IsPrefix)
        {
            return wanted.All(w => have.Any(h => h.StartsWith(w, StringComparison.Ordinal)));
        }

        if (!words.IsPhrase)
        {
            return wanted.All(have.Contains);
        }

        for (int start = 0; start + wanted.Count <= have.Count; start++)
        {
            if (wanted.Select((w, i) => have[start + i] == w).All(b => b))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Stems(string text) =>
        [.. TextFold.Words(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Stemmer.Stem)];

    // The filters history cannot answer, refused before anything is read.
    private static void Check(QueryNode node)
    {
        if (Refused(node) is { } refused)
        {
            throw new PunchlistException($"history cannot select by {refused}: it keeps of each item only its key, ID, title, headings, state, priority, due date, owner and criteria");
        }
    }

    private static string? Refused(QueryNode node) => node switch
    {
        AllOf all => all.Parts.Select(Refused).FirstOrDefault(r => r is not null),
        AnyOf any => any.Parts.Select(Refused).FirstOrDefault(r => r is not null),
        Not not => Refused(not.Part),
        _ => Why(node),
    };

    private static string? Why(QueryNode node) => node switch
    {
        OverdueFilter => "'is:overdue' (it depends on the day, not on a commit; use due:<DATE)",
        StaleFilter => "'is:stale' (it depends on the day, not on a commit)",
        ContradictedFilter => "'is:contradicted'",
        EffortFilter => "'effort:'",
        TechFilter => "'tech:'",
        RepositoryFilter => "'repo:' (it selects repositories on a team server)",
        HasFilter { What: HasWhat.Files or HasWhat.Effort } f => $"'has:{f.What.ToString().ToLowerInvariant()}'",
        _ => null,
    };
}
