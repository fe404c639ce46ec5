using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Punchlist.Json;
using Punchlist.Search;
using Punchlist.Server.Data;
using Punchlist.Server.Pages;

namespace Punchlist.Server.Api;

/// <summary>
/// `/api/v1/items?q=…` (`punchlist.items/1`, a page at a time), `/api/v1/search?q=…` (`punchlist.search/1`),
/// `/api/v1/items/{address}` (`punchlist.item/1`) and its evidence. An address is `DOCUMENT#KEY` as one
/// path segment: `docs%2Fplans%2Flaunch.md%23LR-001`.
/// </summary>
internal static class ItemsApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    private const string JsonType = "application/json; charset=utf-8";

    // With the API's own serializer settings (ApiSetup: the CLI's), as TypedResults.Ok would write it.
    private static byte[] Utf8<T>(T value, HttpContext context) =>
        JsonSerializer.SerializeToUtf8Bytes(value, context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);

    public static RouteGroupBuilder MapItemsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/items", async (string? q, int? offset, int? limit, HttpContext context, IWorkspaceStore store, PageContext page) =>
        {
            var snapshot = page.Snapshot;
            var query = QueryInput.Parse(store, q, snapshot.Today);
            int skip = QueryInput.Bounded(offset, "offset", 0, 0, 10_000_000);
            int take = QueryInput.Bounded(limit, "limit", DefaultLimit, 1, MaxLimit);
            if (Conditional.NotModified(context, snapshot.ETag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            // The answer depends only on the snapshot and the request, and dashboards ask the same few:
            // its bytes are made once per snapshot, however many clients ask at once (PageContext's cache).
            var (json, total) = await page.CachedAsync(("api-items", snapshot.Version, snapshot.Today, query.Text, skip, take), async () =>
            {
                var results = await store.SearchAsync(query, skip, take);
                var items = results.Hits.Select(h => JsonMapping.Item(h.Document, h.Item, snapshot.Today)).ToList();
                return Tuple.Create(Utf8(new ItemsJson(ItemsJson.Version, JsonMapping.Date(snapshot.Today), items), context), results.Total);
            }, context.RequestAborted);
            Paging(context, q, skip, take, total);
            return Results.Bytes(json, JsonType);
        })
        .WithName("api-items").WithTags("Items")
        .WithSummary("Items matching a query (docs/query.md), in its order, a page at a time (punchlist.items/1)")
        .WithDescription("X-Total-Count says how many match; Link gives the next and previous pages.")
        .Produces<ItemsJson>().ProducesProblem(StatusCodes.Status400BadRequest).Produces(StatusCodes.Status304NotModified);

        group.MapGet("/search", async (string? q, int? limit, HttpContext context, IWorkspaceStore store, PageContext page) =>
        {
            var snapshot = page.Snapshot;
            string text = (q ?? string.Empty).Trim();
            var query = QueryInput.Parse(store, text, snapshot.Today);
            int take = QueryInput.Bounded(limit, "limit", 20, 1, MaxLimit);
            if (Conditional.NotModified(context, snapshot.ETag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            var json = await page.CachedAsync(("api-search", snapshot.Version, snapshot.Today, text, take), async () =>
            {
                var results = await store.SearchAsync(query, 0, take);
                return Utf8(new SearchJson(SearchJson.Version, text, results.Total, results.Hits.Select(SearchMapping.Result).ToList()), context);
            }, context.RequestAborted);
            return Results.Bytes(json, JsonType);
        })
        .WithName("api-search").WithTags("Items").WithSummary("Ranked search with matched words highlighted, as punch search --json (punchlist.search/1)")
        .Produces<SearchJson>().ProducesProblem(StatusCodes.Status400BadRequest).Produces(StatusCodes.Status304NotModified);

        group.MapGet("/items/{address}", (string address, HttpContext context, IWorkspaceStore store) =>
        {
            var view = store.Item(Urls.FromSegment(address));
            return Conditional.NotModified(context, view.ETag)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : TypedResults.Ok(ItemMapping.Detail(view.Document, view.Item, view.Today));
        })
        .WithName("api-item").WithTags("Items").WithSummary("One item in full, as punch show --json (punchlist.item/1); its ETag is its file's content")
        .Produces<ItemDetailJson>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/items/{address}/evidence", (string address, IWorkspaceStore store) =>
        {
            var view = store.Item(Urls.FromSegment(address));
            return TypedResults.Ok(EvidenceMapping.Item(view.Evidence));
        })
        .WithName("api-item-evidence").WithTags("Evidence").WithSummary("What the repository says for or against one item, as in punch verify --json")
        .Produces<ItemEvidenceJson>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    // RFC 8288 links to the neighbouring pages, and the total, in headers: the body stays punchlist.items/1.
    private static void Paging(HttpContext context, string? q, int offset, int limit, int total)
    {
        context.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        string Url(int at) => $"/api/v1/items?q={Uri.EscapeDataString(q ?? string.Empty)}&offset={at}&limit={limit}";
        if (offset + limit < total)
        {
            links.Add($"<{Url(offset + limit)}>; rel=\"next\"");
        }

        if (offset > 0)
        {
            links.Add($"<{Url(Math.Max(0, offset - limit))}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }
    }
}
