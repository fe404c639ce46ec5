using System.CommandLine;
using System.Globalization;
using Punchlist.Storage.Postgres;

namespace Punchlist.Cli.Commands;

/// <summary>
/// `punch serve token add|list|revoke --database URL`: a team server's push and read tokens. A new
/// token is printed once, on standard output, and stored only as its SHA-256.
/// </summary>
internal static class TokenCommand
{
    public const string DatabaseVariable = "PUNCHLIST_DATABASE";

    public static Option<string?> DatabaseOption() =>
        new("--database") { Description = $"The team database: postgres://user:password@host:5432/name, or {DatabaseVariable}", HelpName = "URL" };

    public static Command Create(TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var token = new Command("token", "Push and read tokens of a team server's repositories");

        var repository = new Argument<string>("repository") { Description = "The repository, OWNER/NAME" };
        var read = new Option<bool>("--read") { Description = "A read-only token (default: a push token, which also reads)" };
        var addDatabase = DatabaseOption();
        var add = new Command("add", "Create a token for one repository and print it (it is shown only this once)") { repository, read, addDatabase };
        add.SetAction(parse => Run(environment, parse.GetValue(addDatabase), async store =>
        {
            var (info, secret) = await store.Tokens.AddAsync(parse.GetValue(repository)!, parse.GetValue(read) ? TokenScope.Read : TokenScope.Push);
            output.WriteLine(secret);
            // Only the token on standard output, so that `TOKEN=$(punch serve token add …)` works.
            error.WriteLine($"punch: token {info.Id}: {Scope(info.Scope)} for {info.Repository}; store it as a CI secret (PUNCHLIST_TOKEN), it is not shown again");
        }));

        var listDatabase = DatabaseOption();
        var list = new Command("list", "List tokens: id, repository, scope, created, revoked (never the token)") { listDatabase };
        list.SetAction(parse => Run(environment, parse.GetValue(listDatabase), async store =>
        {
            foreach (var info in await store.Tokens.ListAsync())
            {
                string revoked = info.RevokedAt is { } at ? "revoked " + Time(at) : "live";
                output.WriteLine($"{info.Id}\t{info.Repository}\t{Scope(info.Scope)}\tcreated {Time(info.CreatedAt)}\t{revoked}");
            }
        }));

        var id = new Argument<long>("id") { Description = "The token's id, as `token list` shows it" };
        var revokeDatabase = DatabaseOption();
        var revoke = new Command("revoke", "Revoke a token: pushes and reads with it are refused from now on") { id, revokeDatabase };
        revoke.SetAction(parse => Run(environment, parse.GetValue(revokeDatabase), async store =>
        {
            long which = parse.GetValue(id);
            if (!await store.Tokens.RevokeAsync(which))
            {
                throw new PunchlistException($"no live token {which} (token list shows them)");
            }

            output.WriteLine($"revoked token {which}");
        }));

        token.Add(add);
        token.Add(list);
        token.Add(revoke);
        return token;
    }

    /// <summary>The database from --database or PUNCHLIST_DATABASE; a usage error when neither says.</summary>
    public static string Database(CliEnvironment environment, string? option) =>
        option ?? environment.Variable(DatabaseVariable) ?? throw new PunchlistException($"--database URL is required (or {DatabaseVariable})");

    private static int Run(CliEnvironment environment, string? database, Func<TeamStore, Task> action)
    {
        string url = Database(environment, database);
        try
        {
            using var store = TeamStore.Open(url);
            action(store).GetAwaiter().GetResult();
            return ExitCodes.Ok;
        }
        catch (Npgsql.NpgsqlException e)
        {
            throw new PunchlistException($"the database refused: {e.Message}", e);
        }
    }

    private static string Scope(TokenScope scope) => scope == TokenScope.Push ? "push" : "read";

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
