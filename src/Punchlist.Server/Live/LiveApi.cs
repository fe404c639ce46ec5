namespace Punchlist.Server.Live;

/// <summary>`/events`: the live stream pages subscribe to (server-sent events).</summary>
internal static class LiveApi
{
    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", (ChangeFeed feed, HttpContext context) =>
        {
            if (feed.Subscribe() is not { } channel)
            {
                return (IResult)TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many live connections",
                    detail: $"The server keeps at most {ChangeFeed.MaxSubscribers} live streams open.");
            }

            return TypedResults.ServerSentEvents(feed.Stream(channel, context.RequestAborted));
        }).WithName("events").ExcludeFromDescription();
        return app;
    }
}
