namespace Punchlist.Server.Security;

/// <summary>The answer to a write without the right token: 401, and why (the server may have no token at all).</summary>
internal static class Writes
{
    public static IResult Unauthorized(Tokens tokens) => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "A write token is required",
        detail: tokens.WritesAllowed
            ? "Writes need the server's token as 'Authorization: Bearer <token>'; nothing was written."
            : "This server is read-only: it was started without a write token (--token or PUNCHLIST_TOKEN); nothing was written.",
        extensions: new Dictionary<string, object?> { ["writable"] = tokens.WritesAllowed });
}
