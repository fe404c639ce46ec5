namespace Punchlist.Server.Security;

/// <summary>
/// With a read token configured, every request but the health checks and the sign-in page must
/// present it (or the write token): as a bearer token, or — for a browser, which cannot add headers
/// to a link — the cookie the sign-in page sets. Others get 401 (the API) or the sign-in page. In team
/// mode a repository's token is admitted too, to read that repository only (<see cref="Team.TeamAccess"/>).
/// </summary>
internal static class ReadGate
{
    // A push (team mode) is guarded by its repository's push token instead.
    private static readonly string[] Open = ["/healthz", "/readyz", "/signin", "/css/", "/js/", "/lib/", "/favicon.svg", Team.TeamApi.PushPath];

    public static IApplicationBuilder UseReadGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var tokens = context.RequestServices.GetRequiredService<Tokens>();
        string path = context.Request.Path.Value ?? "/";
        if (!tokens.ReadsNeedToken || Open.Any(p => path == p || (p.EndsWith('/') && path.StartsWith(p, StringComparison.Ordinal)))
            || tokens.IsReader(Tokens.Bearer(context.Request)) || tokens.IsReader(context.Request.Cookies[Tokens.ReadCookie])
            || (context.RequestServices.GetService<Team.TeamAccess>() is { } team && await team.AdmitAsync(context)))
        {
            await next(context);
            return;
        }

        if (path.StartsWith("/api/", StringComparison.Ordinal) || path is "/metrics" or "/events" or "/openapi/v1.json" or Mcp.McpEndpoint.Path)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"punchlist\"";
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A read token is required",
                detail: "This server needs a token to read: send it as 'Authorization: Bearer <token>'.").ExecuteAsync(context);
            return;
        }

        context.Response.Redirect($"/signin?next={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
    });
}
