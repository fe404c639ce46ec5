using System.ComponentModel;
using ModelContextProtocol.Server;
using Punchlist.Search;
using Punchlist.Json;

namespace Punchlist.Mcp.Tools;

[McpServerToolType]
internal static class SearchItemsTool
{
    public const int MaxLimit = 100;

    [McpServerTool(Name = "search_items", Title = "Search items", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        Finds items in every tracker with Punchlist's query language: words (stemmed; back* is a prefix), "exact phrases", -excluded,
        a OR b, ( groups ), and filters — priority:p0 (also p0..p1, must, high, none), is:open / in-progress / done / blocked /
        cancelled, is:overdue (due before today, not done), is:stale (its document's review fell due), is:contradicted (status
        contradicts its boxes), owner:NAME (owner:none), due:<2026-12-01 (also today, this-week, this-month), effort:>1d, doc:GLOB,
        section:WORDS, tech:docker, has:files|owner|due|criteria, id:MH-, sort:priority|due|progress. With words the results are
        ranked best first; without, they come in document order; an empty query lists every item. Results are compact rows (address, title, state,
        priority, snippet); pass compact: false for every field. Use an address with get_item, verify_item or the write tools.
        """)]
    public static SearchPageJson SearchItems(
        McpWorkspace workspace,
        [Description("The query, e.g. 'rate limit priority:p1 is:open' or 'is:overdue owner:none'; empty for every item")] string query = "",
        [Description("Results per page, 1 to 100 (default 20)")] int limit = 20,
        [Description("nextCursor from the previous page of the same query; omit for the first page")] string? cursor = null,
        [Description("true (default): compact rows; false: also every field of each item (owner, due, effort, criteria counts, section path, references)")] bool compact = true)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new PunchlistException($"limit must be between 1 and {MaxLimit}, not {limit}");
        }

        string request = $"search\n{query}";
        int offset = Cursor.Offset(cursor, request);
        return workspace.Run(() =>
        {
            var today = workspace.Today;
            _ = Query.Parse(query, new QueryContext(today)); // a malformed query fails before any scan
            using var index = workspace.Scan();
            var parsed = Query.Parse(query, new QueryContext(today, index.Config.HoursPerDay));
            var results = index.Search(parsed, offset + limit);
            var page = results.Hits.Skip(offset).ToList();
            return new SearchPageJson(
                SearchJson.Version,
                query,
                results.Total,
                offset,
                [.. page.Select(SearchMapping.Result)],
                compact ? null : [.. page.Select(h => JsonMapping.Item(h.Document, h.Item, today))],
                Cursor.Next(request, offset, page.Count, results.Total));
        });
    }
}
