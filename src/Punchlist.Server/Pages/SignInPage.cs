using Microsoft.AspNetCore.Mvc;
using Punchlist.Server.Security;

namespace Punchlist.Server.Pages;

/// <summary>
/// `/signin`: when reads need a token, a browser presents it once here and gets it back as an
/// HttpOnly, same-site cookie (a link cannot carry a header). Only used when a read token is set.
/// </summary>
internal static class SignInPage
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (string? next, bool? failed) => Slices.SignIn.Create(new SignInModel(Local(next), failed == true)))
            .WithName("signin").ExcludeFromDescription();

        // No antiforgery token: a cross-site post of this form could only sign the visitor in with a
        // token the attacker already has.
        app.MapPost("/signin", async ([FromForm] string token, [FromForm] string? next, HttpContext context, Tokens tokens) =>
        {
            string target = Local(next);
            // In team mode a repository's token signs in too, to read that repository only.
            if (!tokens.ReadsNeedToken || !(tokens.IsReader(token)
                || (context.RequestServices.GetService<Team.TeamAccess>() is { } team && await team.RepositoryOfAsync(token, context.RequestAborted) is not null)))
            {
                return Results.Redirect($"/signin?failed=true&next={Uri.EscapeDataString(target)}");
            }

            context.Response.Cookies.Append(Tokens.ReadCookie, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
            return Results.Redirect(target);
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.Writes).ExcludeFromDescription();
        return app;
    }

    // Only a path on this server: never `//elsewhere` or a full URL.
    private static string Local(string? next) =>
        next is { Length: > 0 } && next.StartsWith('/') && !next.StartsWith("//", StringComparison.Ordinal) && !next.StartsWith("/\\", StringComparison.Ordinal) ? next : "/";
}

public sealed record SignInModel(string Next, bool Failed);
