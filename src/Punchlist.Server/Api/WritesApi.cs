using Punchlist.Json;
using Punchlist.Server.Data;
using Punchlist.Server.Pages;
using Punchlist.Server.Security;

namespace Punchlist.Server.Api;

/// <summary>
/// `POST /api/v1/items/{address}/criteria/{number}` and `POST /api/v1/items/{address}/status`: what
/// `punch done` and `punch reopen` do, with the server's token, and only to the file the client saw
/// (If-Match: the item's ETag; 412 when the file changed since, 428 without one). Nothing is written
/// when any of that fails. The answer is the item as it is now, with its new ETag.
/// </summary>
internal static class WritesApi
{
    public static RouteGroupBuilder MapWritesApi(this RouteGroupBuilder group)
    {
        group.MapPost("/items/{address}/criteria/{number:int}", (string address, int number, CriterionWrite body, HttpContext context, IWorkspaceStore store, Tokens tokens) =>
            Write(context, store, tokens, new ItemWrite(Urls.FromSegment(address), number, body.Checked)))
            .WithName("api-tick").WithTags("Writes").WithSummary("Tick or untick one criterion (numbered from 1 as punch show numbers them)")
            .Describe();

        group.MapPost("/items/{address}/status", (string address, StatusWrite body, HttpContext context, IWorkspaceStore store, Tokens tokens) =>
        {
            bool done = body.State?.ToLowerInvariant() switch
            {
                "done" => true,
                "open" => false,
                _ => throw new Hosting.BadRequestException("Unknown state", $"a write sets an item 'done' or 'open', not '{body.State}'"),
            };
            return Write(context, store, tokens, new ItemWrite(Urls.FromSegment(address), null, done));
        })
        .WithName("api-set-status").WithTags("Writes").WithSummary("Set an item done or open again: its box, or its status line in the document's own words")
        .Describe();
        return group;
    }

    private static IResult Write(HttpContext context, IWorkspaceStore store, Tokens tokens, ItemWrite write)
    {
        if (!tokens.IsWriter(Tokens.Bearer(context.Request)))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"punchlist\"";
            return Writes.Unauthorized(tokens);
        }

        string? ifMatch = context.Request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required",
                detail: "A write names the ETag of the item it was based on (from GET /api/v1/items/{address}) in If-Match; nothing was written.");
        }

        var outcome = store.Write(write, ifMatch);
        var view = store.Item(outcome.Address);
        context.Response.Headers.ETag = view.ETag;
        return TypedResults.Ok(ItemMapping.Detail(view.Document, view.Item, view.Today));
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint) => endpoint
        .RequireRateLimiting(RateLimits.Writes)
        .Produces<ItemDetailJson>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
