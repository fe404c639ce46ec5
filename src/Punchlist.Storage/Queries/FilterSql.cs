using System.Globalization;
using Punchlist.Model;
using Punchlist.Search;

namespace Punchlist.Storage.Queries;

/// <summary>
/// A filter tree as a SQL predicate over `items i`. A negation treats an unknown (NULL) as false before
/// it negates, so that `-priority:p0` keeps the items with no priority instead of losing them to SQL's
/// NULL logic; AND and OR need no such care, since WHERE already reads NULL as false and neither can
/// turn an unknown into true. So a leaf may be NULL where its column is, and need not pay for a guard
/// on every row it reads. Values travel as parameters; document globs are resolved here against the
/// documents' paths.
/// </summary>
internal sealed class FilterSql(Func<DocFilter, IEnumerable<long>> documentsMatching)
{
    private readonly List<(string Name, object? Value)> _parameters = [];

    public IReadOnlyList<(string Name, object? Value)> Parameters => _parameters;

    public string Of(QueryNode node) => node switch
    {
        AllOf all => Balanced(all.Parts.Select(Of).ToList(), " AND "),
        AnyOf any => Balanced(any.Parts.Select(Of).ToList(), " OR "),
        Not not => $"NOT ifnull({Of(not.Part)}, 0)",
        Words => $"i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH {Parameter(FtsExpression.Of(node))})",
        IdFilter f => $"(i.item_id IS NOT NULL AND i.item_id LIKE {Parameter(Like(f.Prefix) + "%")} ESCAPE '\\')",
        PriorityFilter f => Priority(f),
        StateFilter f => Unselective($"i.state IN ({string.Join(", ", f.States.Select(s => (int)s))})"),
        OverdueFilter f => $"(i.due IS NOT NULL AND i.due < {f.Today.DayNumber} AND {Open})",
        StaleFilter f => $"({Open} AND i.doc_id IN (SELECT id FROM documents WHERE review_due < {f.Today.DayNumber}))",
        ContradictedFilter => $"(i.flags & {(int)IndexWriter.ItemFlags.Contradicted}) <> 0",
        OwnerFilter { Name: null } => "i.owner IS NULL",
        OwnerFilter f => $"(i.owner IS NOT NULL AND i.owner GLOB {Parameter(GlobPrefix(Folding.Owner(f.Name)!))})",
        SectionFilter f => $"instr(i.sections, {Parameter(f.Text.ToLowerInvariant())}) > 0",
        DocFilter f => $"i.doc_id IN ({string.Join(", ", documentsMatching(f).DefaultIfEmpty(0))})",
        DueFilter f => Range("i.due", f.From?.DayNumber, true, f.To?.DayNumber, true),
        EffortFilter f => Range("i.effort", f.Min, f.MinInclusive, f.Max, f.MaxInclusive),
        HasFilter f => Has(f.What),
        TechFilter f => $"i.id IN (SELECT item_id FROM item_tech WHERE tech = {Parameter(f.Technology)})",
        RepositoryFilter => throw new PunchlistException("'repo:' selects repositories on a team server (punch serve --database); this index holds one repository"),
        _ => throw new ArgumentException($"no SQL for {node}", nameof(node)),
    };

    // SQLite parses `a AND b AND c …` into a tree as deep as the list is long and refuses one deeper
    // than 1,000 ("Expression tree is too large"): long lists are grouped eight by eight, so the depth
    // grows with the logarithm of the length.
    private static string Balanced(List<string> parts, string op)
    {
        const int Group = 8;
        while (parts.Count > Group)
        {
            parts = parts.Chunk(Group).Select(chunk => "(" + string.Join(op, chunk) + ")").ToList();
        }

        return "(" + string.Join(op, parts) + ")";
    }

    /// <summary>A parameter holding <paramref name="value"/>; returns its name.</summary>
    public string Parameter(object? value)
    {
        string name = "$p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, value));
        return name;
    }

    // A state or a priority holds for a large share of items; without range statistics SQLite would
    // rather walk half the items by state than a few by due date. The hint says: prefer another index.
    private static string Unselective(string condition) => $"likelihood({condition}, 0.5)";

    private static string Open => $"i.state NOT IN ({(int)ItemState.Done}, {(int)ItemState.Cancelled})";

    private static string Priority(PriorityFilter f)
    {
        var ranks = f.Ranks.OfType<int>().ToList();
        // No `IS NOT NULL` guard: SQLite would test it on every entry the index gives (`priority:p0
        // is:open` over a million items: count 4.0 -> 2.6 ms).
        string some = ranks.Count == 0 ? "0" : Unselective($"i.priority IN ({string.Join(", ", ranks)})");
        return f.Ranks.Contains(null) ? $"(i.priority IS NULL OR {some})" : some;
    }

    private string Range(string column, object? min, bool minInclusive, object? max, bool maxInclusive)
    {
        var parts = new List<string> { $"{column} IS NOT NULL" };
        if (min is not null)
        {
            parts.Add($"{column} {(minInclusive ? ">=" : ">")} {Parameter(min)}");
        }

        if (max is not null)
        {
            parts.Add($"{column} {(maxInclusive ? "<=" : "<")} {Parameter(max)}");
        }

        return "(" + string.Join(" AND ", parts) + ")";
    }

    private static string Has(HasWhat what) => what switch
    {
        HasWhat.Files => $"(i.flags & {(int)IndexWriter.ItemFlags.Files}) <> 0",
        HasWhat.Owner => "i.owner IS NOT NULL",
        HasWhat.Due => "i.due IS NOT NULL",
        HasWhat.Effort => "i.effort IS NOT NULL",
        HasWhat.Criteria => "i.criteria_total > 0",
        _ => "i.item_id IS NOT NULL",
    };

    // A GLOB with a literal prefix can use the owner index (owners are stored folded, so case is settled).
    private static string GlobPrefix(string text) =>
        string.Concat(text.Select(c => c is '*' or '?' or '[' ? $"[{c}]" : c.ToString())) + "*";

    private static string Like(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
