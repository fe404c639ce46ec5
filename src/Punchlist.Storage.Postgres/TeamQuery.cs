using System.Text.RegularExpressions;
using Punchlist.Model;
using Punchlist.Search;

namespace Punchlist.Storage.Postgres;

/// <summary>
/// A parsed query (<see cref="Query"/>) as SQL over the heads' items: `r` the repository, `d` its
/// head's tracker row, `v` the tracker's version (joined only when read: <see cref="VersionJoin"/>),
/// `i` the item, `a` the check's analysis. Each filter reads what the embedded index reads
/// (src/Punchlist.Storage/Queries/FilterSql.cs), so a repository gives the same items here as `punch
/// search` gives in its checkout; words go to PostgreSQL's full-text search (the `punchlist`
/// configuration, migration 002). Every value travels as a parameter; `doc:` and `repo:` globs are
/// resolved to the paths and names they match first, as the embedded index resolves `doc:`.
/// </summary>
internal sealed partial class TeamQuery
{
    private readonly List<object> _values = [];
    private readonly Func<DocFilter, IReadOnlyList<string>> _paths;
    private readonly Func<RepositoryFilter, IReadOnlyList<string>> _names;
    private bool _readsVersion;

    private TeamQuery(Func<DocFilter, IReadOnlyList<string>> paths, Func<RepositoryFilter, IReadOnlyList<string>> names)
    {
        _paths = paths;
        _names = names;
    }

    public IReadOnlyList<object> Values => _values;

    /// <summary>
    /// The join that brings `v` when a condition reads the tracker's version (`is:stale`), else nothing:
    /// joined always, it cost a search a scan of the versions' index (19,000 rows for 1,000 repositories).
    /// </summary>
    public string VersionJoin => _readsVersion ? "JOIN document_versions v ON v.id = d.version_id" : string.Empty;

    /// <summary>
    /// The WHERE condition, the rank (null when unranked) and the sort keys, in order: each an
    /// expression and its direction, <see cref="RankKey"/> standing for the rank.
    /// </summary>
    public static (TeamQuery Sql, string Where, string? Rank, IReadOnlyList<(string Key, bool Descending)> Order) Of(SearchPlan plan,
        Func<DocFilter, IReadOnlyList<string>> paths, Func<RepositoryFilter, IReadOnlyList<string>> names)
    {
        var sql = new TeamQuery(paths, names);
        var conditions = new List<string>();
        if (plan.Ranked is not null)
        {
            conditions.Add(sql.Condition(plan.Ranked));
        }

        if (plan.Filter is not null)
        {
            conditions.Add(sql.Condition(plan.Filter));
        }

        // Ranked by whether each column holds any of the required words, as FTS5's bm25 is (SearchPlan.Terms).
        string? rank = plan.Ranked is null || plan.Terms.Count == 0
            ? null
            : $"ts_rank_cd(i.search, {string.Join(" || ", plan.Terms.Select(sql.TsQuery))})";
        bool descending = plan.Sort.Descending;
        var order = plan.Sort.Key switch
        {
            SortKey.Priority => [("i.priority IS NULL", false), ("i.priority", descending)],
            SortKey.Due => [("i.due IS NULL", false), ("i.due", descending)],
            SortKey.Progress => [(Progress, descending)],
            SortKey.State => [(Urgency, descending)],
            _ => new List<(string, bool)>(),
        };
        if (plan.Ranked is not null)
        {
            order.Add((RankKey, true));
        }

        // Paths in byte order, as the embedded index orders them, whatever the database's collation.
        order.AddRange([("r.name COLLATE \"C\"", false), ("d.path COLLATE \"C\"", false), ("i.ordinal", false)]);
        return (sql, conditions.Count == 0 ? "true" : string.Join(" AND ", conditions), rank, order);
    }

    /// <summary>The sort key that stands for the rank (0 for every item of a query without words).</summary>
    public const string RankKey = "rank";

    /// <summary>An open item past its due date on <paramref name="today"/>'s parameter: `overdue` as the CLI means it.</summary>
    public static string Overdue(string today) => $"(i.due < {today} AND {Open})";

    public static string Open => "i.state NOT IN ('done', 'cancelled')";

    // An item's own progress: checked criteria of criteria; without criteria, done or not.
    private const string Progress = "(CASE WHEN i.criteria_total > 0 THEN i.criteria_checked::real / i.criteria_total WHEN i.state = 'done' THEN 1.0 ELSE 0.0 END)";

    // An item's state in `sort:state`: blocked first, cancelled last (ItemStates.Urgency).
    private static readonly string Urgency =
        $"(CASE i.state {string.Concat(ItemStates.All.Select(state => $"WHEN '{state.Name()}' THEN {state.Urgency()} "))}END)";

    /// <summary>A parameter holding <paramref name="value"/>; returns its placeholder.</summary>
    public string Parameter(object value)
    {
        _values.Add(value);
        return "$" + _values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // A negation reads an unknown (NULL) as false before it negates, as FilterSql's does: `-owner:x` keeps the items with no owner.
    private string Condition(QueryNode node) => node switch
    {
        AllOf all => "(" + string.Join(" AND ", all.Parts.Select(Condition)) + ")",
        AnyOf any => "(" + string.Join(" OR ", any.Parts.Select(Condition)) + ")",
        Not not => $"NOT coalesce({Condition(not.Part)}, false)",
        Words w => $"i.search @@ {TsQuery(w)}",
        IdFilter f => $"i.id ILIKE {Parameter(Like(f.Prefix) + "%")}",
        PriorityFilter f => Priority(f),
        StateFilter f => $"i.state = ANY ({Parameter(f.States.Select(s => s.Name()).ToArray())})",
        OverdueFilter f => Overdue(Parameter(f.Today)),
        StaleFilter f => Stale(f),
        ContradictedFilter => "i.contradicted",
        OwnerFilter { Name: null } => "i.owner IS NULL",
        OwnerFilter f => $"i.owner_key LIKE {Parameter(Like(f.Name!.TrimStart('@').ToLowerInvariant()) + "%")}",
        SectionFilter f => $"strpos(i.sections, {Parameter(f.Text.ToLowerInvariant())}) > 0",
        DocFilter f => $"d.path = ANY ({Parameter(_paths(f).ToArray())})",
        RepositoryFilter f => $"r.name = ANY ({Parameter(_names(f).ToArray())})",
        DueFilter f => Range("i.due", f.From, true, f.To, true),
        EffortFilter f => Range("i.effort", f.Min, f.MinInclusive, f.Max, f.MaxInclusive),
        HasFilter f => f.What switch
        {
            HasWhat.Files => "i.has_files",
            HasWhat.Owner => "i.owner IS NOT NULL",
            HasWhat.Due => "i.due IS NOT NULL",
            HasWhat.Effort => "i.effort IS NOT NULL",
            HasWhat.Criteria => "i.criteria_total > 0",
            _ => "i.id IS NOT NULL",
        },
        TechFilter f => $"i.tech @> ARRAY[{Parameter(f.Technology)}]",
        _ => throw new ArgumentException($"no SQL for {node}", nameof(node)),
    };

    /// <summary>
    /// A word or phrase as a tsquery: its tokens (split at every character that is not a letter or
    /// digit, as FTS5's unicode61 splits them and as punchlist_words does to the stored text) in a
    /// row, stemmed; `back*` makes the last one a prefix. Only letters and digits reach to_tsquery, so
    /// nothing typed is tsquery syntax.
    /// </summary>
    private string TsQuery(Words words)
    {
        var tokens = Separators().Split(words.Text).Where(t => t.Length > 0).ToList();
        if (!words.IsPrefix || tokens.Count == 0)
        {
            return $"phraseto_tsquery('punchlist', {Parameter(string.Join(' ', tokens))})";
        }

        string last = $"to_tsquery('punchlist', {Parameter(tokens[^1] + ":*")})";
        return tokens.Count == 1 ? last : $"tsquery_phrase(phraseto_tsquery('punchlist', {Parameter(string.Join(' ', tokens[..^1]))}), {last})";
    }

    private string Stale(StaleFilter f)
    {
        _readsVersion = true;
        return $"({Open} AND v.review_due < {Parameter(f.Today)})";
    }

    private string Priority(PriorityFilter f)
    {
        var ranks = f.Ranks.OfType<int>().Select(r => "P" + r.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        string some = ranks.Length == 0 ? "false" : $"i.priority = ANY ({Parameter(ranks)})";
        return f.Ranks.Contains(null) ? $"(i.priority IS NULL OR {some})" : some;
    }

    private string Range<T>(string column, T? min, bool minInclusive, T? max, bool maxInclusive)
        where T : struct
    {
        var parts = new List<string> { $"{column} IS NOT NULL" };
        if (min is { } low)
        {
            parts.Add($"{column} {(minInclusive ? ">=" : ">")} {Parameter(low)}");
        }

        if (max is { } high)
        {
            parts.Add($"{column} {(maxInclusive ? "<=" : "<")} {Parameter(high)}");
        }

        return "(" + string.Join(" AND ", parts) + ")";
    }

    // LIKE's default escape is the backslash.
    private static string Like(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex Separators();
}
