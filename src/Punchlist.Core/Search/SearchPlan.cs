namespace Punchlist.Search;

/// <summary>
/// How a query runs: the required words and phrases go to the full-text index as one expression,
/// which also ranks; everything else filters. Words that are only an alternative to a filter
/// (`backup OR is:blocked`) filter without ranking. <see cref="Terms"/> lists the words that rank, each
/// on its own (the index ranks a column by whether it holds any of them).
/// </summary>
public sealed record SearchPlan(QueryNode? Ranked, QueryNode? Filter, IReadOnlyList<Words> Terms, SortOrder Sort)
{
    public static SearchPlan Of(Query query)
    {
        var parts = query.Root switch
        {
            null => [],
            AllOf all => all.Parts,
            var single => [single],
        };
        var text = parts.Where(IsPositiveText).ToList();
        var excluded = parts.Where(p => p is Not { Part: var inner } && IsPositiveText(inner)).ToList();
        if (text.Count == 0)
        {
            return new SearchPlan(null, query.Root, [], query.Sort);
        }

        var rest = parts.Except(text).Except(excluded).ToList();
        var ranked = text.Count + excluded.Count == 1 ? text[0] : new AllOf([.. text, .. excluded], text[0].Position);
        var filter = rest.Count switch
        {
            0 => null,
            1 => rest[0],
            _ => new AllOf(rest, rest[0].Position),
        };
        return new SearchPlan(ranked, filter, text.SelectMany(PositiveWords).ToList(), query.Sort);
    }

    /// <summary>True for words, phrases and their AND/OR combinations with at least one word that must match.</summary>
    public static bool IsPositiveText(QueryNode node) => node switch
    {
        Words => true,
        AnyOf any => any.Parts.All(IsPositiveText),
        AllOf all => all.Parts.Any(IsPositiveText) && all.Parts.All(p => IsPositiveText(p) || p is Not { Part: var inner } && IsPositiveText(inner)),
        _ => false,
    };

    private static IEnumerable<Words> PositiveWords(QueryNode node) => node switch
    {
        Words w => [w],
        AnyOf any => any.Parts.SelectMany(PositiveWords),
        AllOf all => all.Parts.SelectMany(PositiveWords),
        _ => [],
    };
}
