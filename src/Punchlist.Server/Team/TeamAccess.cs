using Punchlist.Server.Security;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Team;

/// <summary>
/// Who reads what in team mode. The server's own read (or write) token, or no read token at all,
/// reads every repository. A repository's token from `punch serve token add` (a read token, or a
/// push token, which reads what it pushes) reads that repository only: the read gate admits it and
/// remembers the repository, and every page, API and live stream then shows that repository alone;
/// another repository is answered as if it did not exist (404), not forbidden, so its name does not leak.
/// </summary>
internal sealed class TeamAccess(TeamStore store)
{
    private const string Key = "punchlist.team.repository";

    /// <summary>Admits a request presenting a live repository token (bearer or the sign-in cookie), remembering its repository.</summary>
    public async Task<bool> AdmitAsync(HttpContext context)
    {
        foreach (string? presented in (string?[])[Tokens.Bearer(context.Request), context.Request.Cookies[Tokens.ReadCookie]])
        {
            if (await RepositoryOfAsync(presented, context.RequestAborted) is { } repository)
            {
                context.Items[Key] = repository;
                return true;
            }
        }

        return false;
    }

    /// <summary>The repository a live repository token reads; null for none.</summary>
    public async Task<string?> RepositoryOfAsync(string? token, CancellationToken cancel) =>
        (await store.Tokens.FindAsync(token, cancel))?.Repository;

    /// <summary>The repositories the request may read: null for all.</summary>
    public static IReadOnlyCollection<string>? Scope(HttpContext context) => context.Items[Key] is string only ? [only] : null;

    public static bool Sees(HttpContext context, string repository) => context.Items[Key] is not string only || only == repository;

    /// <summary>True when the request reads every repository (the server's read token, or reads are open).</summary>
    public static bool SeesAll(HttpContext context) => context.Items[Key] is null;
}
