using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Punchlist.Server.Hosting;

/// <summary>
/// What a request may weigh: the server takes small JSON bodies and form posts, and a query of a
/// thousand characters at most, so anything far beyond that is refused before it is read.
/// </summary>
internal static class RequestLimits
{
    public const int MaxBodyBytes = 16 * 1024;
    public const int MaxQueryLength = 1000;

    public static void Apply(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
        kestrel.Limits.MaxRequestHeaderCount = 50;
        kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        kestrel.Limits.MaxConcurrentConnections = 1000;
        kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(2);
        kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
    }

    /// <summary>
    /// Refuses a body larger than <see cref="MaxBodyBytes"/> before anything reads it, whatever server
    /// runs the app (Kestrel enforces its own limit as the body streams in; this also says so up front
    /// from Content-Length, with a problem-details answer).
    /// </summary>
    public static IApplicationBuilder UseBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // A push (team mode) is the one large body: its endpoint takes up to its own limit.
        long limit = context.Request.Path == Team.TeamApi.PushPath ? Team.TeamApi.MaxPushBytes : MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
                detail: $"A request body here has at most {limit / 1024} KB; nothing was read or written.").ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    public static IServiceCollection AddFormLimits(this IServiceCollection services) => services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
    {
        form.ValueCountLimit = 16;
        form.ValueLengthLimit = 4 * 1024;
        form.KeyLengthLimit = 64;
        form.MultipartBodyLengthLimit = MaxBodyBytes;
    });
}
