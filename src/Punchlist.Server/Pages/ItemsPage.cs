using Punchlist.Server.Data;
using Punchlist.Server.Hosting;

namespace Punchlist.Server.Pages;

/// <summary>`/items?q=…&amp;page=N`: search with the query language; the URL keeps the query, so it can be shared.</summary>
internal static class ItemsPage
{
    public static IEndpointRouteBuilder MapItemsPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/items", async (string? q, string? page, IWorkspaceStore store, PageContext context, CancellationToken cancel) =>
        {
            string query = (q ?? string.Empty).Trim();
            if (query.Length > RequestLimits.MaxQueryLength)
            {
                throw new BadRequestException("Query too long", $"a query has at most {RequestLimits.MaxQueryLength} characters");
            }

            int number = page is null ? 1 : int.TryParse(page, out int n) && n >= 1 && n <= 100_000 ? n : throw new BadRequestException("Bad page number", $"page must be a number from 1, not '{page}'");
            var snapshot = context.Snapshot;
            string self = Urls.ItemsPage(query, number);
            var model = await context.CachedAsync(("items", snapshot.Version, snapshot.Today, query, number),
                () => ItemsModel.BuildAsync(store, query, number, context.Layout("Items", "items", self)), cancel);
            return Slices.Items.Create(model);
        }).WithName("items").ExcludeFromDescription();
        return app;
    }
}
