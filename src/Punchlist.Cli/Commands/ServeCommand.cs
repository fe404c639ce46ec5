using System.CommandLine;
using System.Reflection;

namespace Punchlist.Cli.Commands;

/// <summary>
/// `punch serve [PATH]`: the dashboard and HTTP API over the workspace's index, until interrupted.
/// The server is its own program (src/Punchlist.Server); this runs its entry point in this process
/// with the options as its configuration, so `punch` stays one tool.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var path = new Argument<string?>("path") { Description = "The workspace folder to serve (default: the current folder)", Arity = ArgumentArity.ZeroOrOne };
        var urls = new Option<string?>("--urls") { Description = "Where to listen, e.g. http://0.0.0.0:8080 (default: http://127.0.0.1:5180, this machine only)" };
        var token = new Option<string?>("--token") { Description = "Writes (ticking a criterion, setting a status) need this token; PUNCHLIST_TOKEN also sets it. Without one the server is read-only" };
        var readToken = new Option<string?>("--read-token") { Description = "Reads need this token too (pages ask for it once; the API as a bearer token)" };
        var database = TokenCommand.DatabaseOption();
        database.Description = $"Team mode: serve the scans `punch push` sends from many repositories, kept in this PostgreSQL database (postgres://…, or {TokenCommand.DatabaseVariable})";
        var command = new Command("serve", "Serve the dashboard and the HTTP API, with live updates") { path, urls, token, readToken, database, TokenCommand.Create(output, error, environment) };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            string folder = Path.GetFullPath(parse.GetValue(path) ?? environment.WorkingDirectory, environment.WorkingDirectory);
            if (!Directory.Exists(folder))
            {
                throw new PunchlistException($"no folder '{parse.GetValue(path)}' to serve");
            }

            var arguments = new List<string> { $"--Punchlist:Workspace={folder}" };
            // The database URL may hold a password: like the tokens, it goes through the environment.
            if ((parse.GetValue(database) ?? environment.Variable(TokenCommand.DatabaseVariable)) is { Length: > 0 } team)
            {
                Environment.SetEnvironmentVariable("Punchlist__Database", team);
            }

            if (parse.GetValue(urls) is { } where)
            {
                arguments.Add($"--urls={where}");
            }

            if (parse.GetValue(options.Today) is { } today)
            {
                arguments.Add($"--Punchlist:Today={today:yyyy-MM-dd}");
            }

            if (context.NoIndex)
            {
                arguments.Add("--Punchlist:NoIndex=true");
            }

            // Tokens go through the environment, not the server's arguments, so they are not echoed anywhere.
            if (parse.GetValue(token) is { Length: > 0 } write)
            {
                Environment.SetEnvironmentVariable("Punchlist__Token", write);
            }

            if (parse.GetValue(readToken) is { Length: > 0 } read)
            {
                Environment.SetEnvironmentVariable("Punchlist__ReadToken", read);
            }

            output.Flush();
            return Run([.. arguments]);
        });
        return command;
    }

    private static int Run(string[] arguments)
    {
        var entry = typeof(Server.ServerOptions).Assembly.EntryPoint ?? throw new InvalidOperationException("the server has no entry point");
        try
        {
            entry.Invoke(null, [arguments]);
            return ExitCodes.Ok;
        }
        catch (TargetInvocationException e) when (e.InnerException is PunchlistException inner)
        {
            throw inner;
        }
        catch (TargetInvocationException e) when (e.InnerException is IOException io)
        {
            // Kestrel could not bind (the port is taken, or the address is not this machine's).
            throw new PunchlistException($"cannot listen: {io.Message}", io);
        }
    }
}
