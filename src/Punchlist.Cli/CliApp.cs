using System.CommandLine;
using System.CommandLine.Help;
using Punchlist.Cli.Commands;
using Punchlist.Cli.Rendering;

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
            e.MoveAside(warning => error.WriteLine($"punch: warning: {TerminalText.Clean(warning)}"));
            return RunOnce(args, output, error, environment);
        }
    }

    private static int RunOnce(string[] args, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        error = new TerminalWriter(error, colour: false);
        if (args is [] or ["help"])
        {
            args = ["--help"];
        }
        else if (args is ["help", .. var rest])
        {
            args = [.. rest, "--help"];
        }

        var options = new GlobalOptions();
        var root = new RootCommand("Punchlist keeps the Markdown trackers in your repository honest: true progress, false claims, late items.");
        options.AddTo(root);
        (string Name, Func<Command> Create)[] commands = null!;
        commands =
        [
            ("status", () => StatusCommand.Create(options, output, error, environment)),
            ("list", () => ListCommand.Create(options, output, error, environment)),
            ("show", () => ShowCommand.Create(options, output, error, environment)),
            ("search", () => SearchCommand.Create(options, output, error, environment)),
            ("check", () => CheckCommand.Create(options, output, error, environment)),
            ("sync", () => SyncCommand.Create(options, output, error, environment)),
            ("done", () => TickCommand.Create("done", done: true, options, output, error, environment)),
            ("reopen", () => TickCommand.Create("reopen", done: false, options, output, error, environment)),
            ("verify", () => VerifyCommand.Create(options, output, error, environment)),
            ("history", () => HistoryCommand.Create(options, output, error, environment)),
            ("report", () => ReportCommand.Create(options, output, error, environment)),
            ("export", () => ExportCommand.Create(options, output, error, environment)),
            ("mcp", () => McpCommand.Create(options, output, error, environment)),
            ("serve", () => ServeCommand.Create(options, output, error, environment)),
            ("push", () => PushCommand.Create(options, output, error, environment)),
            ("config", () => ConfigCommand.Create(options, output, error, environment)),
            ("init", () => InitCommand.Create(options, output, error, environment)),
            ("completion", () => CompletionCommand.Create(root, () => BuildAll(root, commands), output)),
        ];

        // Only the command named first is built when there is one (its help needs no other): building
        // all of them (their options, parsers and actions) is compiling a fresh process does for nothing.
        // Anything else (root help, an option first, a mistyped name) gets them all.
        string? named = args.Length > 0 && commands.Any(c => c.Name == args[0]) ? args[0] : null;
        foreach (var (name, create) in commands)
        {
            if (named is null || name == named)
            {
                root.Add(create());
            }
        }

        int width = environment.Width ?? CliEnvironment.DefaultWidth;
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new ExampleHelpAction(new HelpAction { MaxWidth = Math.Max(40, width) });
            }
        }

        root.Options.Remove(root.Options.First(o => o is VersionOption));
        root.Options.Add(new VersionOption("--version", "-V") { Action = new PunchVersionAction() });

        var parse = root.Parse(args);
        if (UsageErrors.Describe(parse, [.. commands.Select(c => c.Name)]) is { } usage && !ClearsErrors(parse))
        {
            error.WriteLine($"punch: {TerminalText.Clean(usage)}");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (PunchlistException e)
        {
            error.WriteLine($"punch: {TerminalText.Clean(ShortenQuotes(e.Message))}");
            return ExitCodes.Usage;
        }
    }

    // --help and --version answer whatever else the line holds.
    private static bool ClearsErrors(ParseResult parse) => parse.Action is HelpAction or ExampleHelpAction or PunchVersionAction;

    private static void BuildAll(RootCommand root, (string Name, Func<Command> Create)[] commands)
    {
        foreach (var (name, create) in commands)
        {
            if (!root.Subcommands.Any(c => c.Name == name))
            {
                root.Add(create());
            }
        }
    }

    // An error quotes what it was given ('…'): a 100,000-character address is not echoed whole.
    private static string ShortenQuotes(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, "'([^']{100,})'", m => $"'{TerminalText.Quote(m.Groups[1].Value)}'");
}

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Usage = 2;
}
