using Punchlist.Search;

namespace Punchlist.Storage.Queries;

/// <summary>
/// Query words as an FTS5 expression. Every word is quoted, so nothing the user types is FTS5 syntax:
/// a quoted word with punctuation (`ci/cd`) is the phrase of its tokens, and the porter tokenizer
/// stems quoted words as it stems the text (`"backups"` finds `backup`).
/// </summary>
internal static class FtsExpression
{
    // Columns of items_fts, in order (their BM25 weights are RankFunction.Weights).
    public const string Columns = "title, criteria, section, fields, body";

    /// <summary>How many phrases <see cref="Of"/> writes for a node: FTS5 numbers them in that order from 0.</summary>
    public static int PhraseCount(QueryNode node) => node switch
    {
        Words => 1,
        AnyOf any => any.Parts.Sum(PhraseCount),
        AllOf all => all.Parts.Sum(PhraseCount),
        Not not => PhraseCount(not.Part),
        _ => 0,
    };

    /// <summary>
    /// The words and phrases a plan ranks by (<see cref="SearchPlan.Terms"/>: those present, not under a
    /// negation) as one alternative: a column holds a match of the query exactly when it holds one of these.
    /// </summary>
    public static string AnyOf(IEnumerable<Words> terms) =>
        "(" + string.Join(" OR ", terms.Select(Of).Distinct(StringComparer.Ordinal)) + ")";

    public static string Of(QueryNode node) => node switch
    {
        Words w => Quote(w.Text) + (w.IsPrefix ? " *" : string.Empty),
        AnyOf any => "(" + string.Join(" OR ", any.Parts.Select(Of)) + ")",
        AllOf all => All(all),
        _ => throw new ArgumentException($"not a text query: {node}", nameof(node)),
    };

    private static string All(AllOf all)
    {
        string positive = string.Join(" AND ", all.Parts.Where(p => p is not Not).Select(Of));
        var negative = all.Parts.OfType<Not>().Select(n => Of(n.Part)).ToList();
        return negative.Count == 0 ? $"({positive})" : $"(({positive}) NOT " + string.Join(" NOT ", negative) + ")";
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
