using System.Text.RegularExpressions;
using Punchlist.Search;
using Punchlist.Server.Data;
using Punchlist.Storage.Queries;

namespace Punchlist.Server.Pages;

/// <summary>The items page: a query, its results (a page of them), the facets of its matches, or what is wrong with it.</summary>
public sealed partial record ItemsModel(LayoutModel Layout, string Query, string? Error, SearchResults? Results, Facets? Facets, int Page, DateOnly Today)
{
    public const int PageSize = 50;

    public int Pages => Results is null ? 0 : Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public static async Task<ItemsModel> BuildAsync(IWorkspaceStore store, string query, int page, LayoutModel layout)
    {
        var today = layout.Today;
        Query parsed;
        try
        {
            parsed = Search.Query.Parse(query, store.QueryContext(today));
        }
        catch (PunchlistException e)
        {
            return new ItemsModel(layout, query, e.Message, null, null, page, today);
        }

        var results = await store.SearchAsync(parsed, (page - 1) * PageSize, PageSize);
        return new ItemsModel(layout, query, null, results, await store.FacetsAsync(parsed), page, today);
    }

    /// <summary>The query with its order replaced by <paramref name="key"/> (reversed when it already sorts by it).</summary>
    public string SortedBy(string key)
    {
        var current = SortPart().Match(Query);
        string without = SortPart().Replace(Query, string.Empty).Trim();
        string next = current.Success && current.Groups[1].Value == key && current.Groups[2].Length == 0 ? $"sort:{key}-desc" : $"sort:{key}";
        return key == "relevance" ? without : $"{without} {next}".Trim();
    }

    /// <summary>How the results are sorted: aria-sort's word for a column sorted by <paramref name="key"/>.</summary>
    public string? AriaSort(string key)
    {
        var current = SortPart().Match(Query);
        return current.Success && current.Groups[1].Value == key ? (current.Groups[2].Length > 0 ? "descending" : "ascending") : null;
    }

    /// <summary>The query narrowed by one more filter.</summary>
    public string With(string filter) => Query.Contains(filter, StringComparison.OrdinalIgnoreCase) ? Query : $"{Query} {filter}".Trim();

    public static string Quote(string value) => value.Any(char.IsWhiteSpace) || value.Contains('"') ? $"\"{value.Replace("\"", string.Empty)}\"" : value;

    [GeneratedRegex(@"(?<![\w-])sort:(relevance|priority|due|progress|state)(-desc)?", RegexOptions.IgnoreCase)]
    private static partial Regex SortPart();
}
