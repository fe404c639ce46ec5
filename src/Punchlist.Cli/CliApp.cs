using System.CommandLine;
using Punchlist.Cli.Commands;

namespace Punchlist.Cli;

/// <summary>
/// `punch`: parse, then invoke. A parse error or a <see cref="PunchlistException"/> becomes one line
/// on stderr and exit code 2; a command's own result is its exit code.
/// </summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        try
        {
            return RunOnce(args, output, error, environment);
        }
        catch (Storage.IndexDamagedException e)
        {
            // A row of the index could not be read: the index is a cache, moved aside and built again.
            e.MoveAside(warning => error.WriteLine($"punch: warning: {warning}"));
            return RunOnce(args, output, error, environment);
        }
    }

    private static int RunOnce(string[] args, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("Punchlist keeps the Markdown trackers in your repository honest.");
        options.AddTo(root);
        var commands = new (string Name, Func<Command> Create)[]
        {
            ("status", () => StatusCommand.Create(options, output, error, environment)),
            ("list", () => ListCommand.Create(options, output, error, environment)),
            ("show", () => ShowCommand.Create(options, output, error, environment)),
            ("search", () => SearchCommand.Create(options, output, error, environment)),
            ("check", () => CheckCommand.Create(options, output, error, environment)),
            ("sync", () => SyncCommand.Create(options, output, error, environment)),
            ("done", () => TickCommand.Create("done", done: true, options, output, error, environment)),
            ("reopen", () => TickCommand.Create("reopen", done: false, options, output, error, environment)),
            ("verify", () => VerifyCommand.Create(options, output, error, environment)),
        };

        // Only the command named first is built when there is one (its help needs no other): building
        // all nine (their options, parsers and actions) is compiling a fresh process does for nothing.
        // Anything else (root help, an option first, a mistyped name) gets them all.
        string? named = args.Length > 0 && commands.Any(c => c.Name == args[0]) ? args[0] : null;
        foreach (var (name, create) in commands)
        {
            if (named is null || name == named)
            {
                root.Add(create());
            }
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && named is null && args.Length > 0 && !args[0].StartsWith('-'))
        {
            // The parser would say only that a command is required.
            error.WriteLine($"punch: unknown command '{args[0]}' (commands: {string.Join(", ", commands.Select(c => c.Name))})");
            return ExitCodes.Usage;
        }

        if (parse.Errors.Count > 0)
        {
            // One line, whatever the parser wrote: the first error, its lines joined.
            error.WriteLine($"punch: {string.Join(' ', parse.Errors[0].Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (PunchlistException e)
        {
            error.WriteLine($"punch: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Usage = 2;
}
