using Microsoft.AspNetCore.Mvc;
using Punchlist.Server.Data;
using Punchlist.Server.Security;

namespace Punchlist.Server.Pages;

/// <summary>`/items/{address}`: one item; and the form post that ticks or unticks one of its criteria.</summary>
internal static class ItemPages
{
    public static IEndpointRouteBuilder MapItemPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/items/{address}", (string address, IWorkspaceStore store, WorkspaceHistory history, PageContext page) =>
        {
            string decoded = Urls.FromSegment(address);
            var view = store.Item(decoded);
            var timeline = TimelineModel.Of(history.Current, view.Address);
            return Slices.Item.Create(ItemModel.Of(view, timeline, page.Layout(view.Item.Title, "items", Urls.Item(decoded))));
        }).WithName("item").ExcludeFromDescription();

        // The page's own write: a form post with the ETag it was rendered from and the token as a bearer
        // header (site.js). The token is the protection against cross-site posts, so no antiforgery token.
        app.MapPost("/items/{address}/criteria/{number:int}", (string address, int number, [FromForm] bool done, [FromForm] string etag,
            HttpContext context, IWorkspaceStore store, Tokens tokens) =>
        {
            if (!tokens.IsWriter(Tokens.Bearer(context.Request)))
            {
                return Writes.Unauthorized(tokens);
            }

            var outcome = store.Write(new ItemWrite(Urls.FromSegment(address), number, done), etag);
            context.Response.Headers.ETag = outcome.ETag;
            return Results.NoContent();
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.Writes).WithName("item-tick").ExcludeFromDescription();
        return app;
    }
}
