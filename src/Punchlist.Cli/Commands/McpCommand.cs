using System.CommandLine;
using Punchlist.Cli.Rendering;

namespace Punchlist.Cli.Commands;

/// <summary>
/// `punch mcp [--root DIR] [--read-only]`: a Model Context Protocol server over standard input and
/// output for coding agents (docs/agents.md). Its types are reached only from <see cref="Serve"/>, so
/// no other command loads the SDK.
/// </summary>
internal static class McpCommand
{
    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var root = new Option<string?>("--root") { Description = "The workspace to serve (default: the current folder)", HelpName = "DIR" };
        var readOnly = new Option<bool>("--read-only") { Description = "Offer only the tools that read: tick_criterion and set_status are left out" };
        var command = new Command("mcp", "Serve the trackers to coding agents over the Model Context Protocol (stdio)") { root, readOnly };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            context.NoPager();
            string folder = Path.GetFullPath(parse.GetValue(root) ?? environment.WorkingDirectory, environment.WorkingDirectory);
            if (!Directory.Exists(folder))
            {
                throw new PunchlistException($"--root {TerminalText.Quote(parse.GetValue(root) ?? folder)}: no such folder");
            }

            DateOnly? fixedToday = parse.GetValue(options.Today);
            bool inMemory = context.NoIndex || !PathArguments.InWorkspace([folder]);
            return Serve(folder, fixedToday, parse.GetValue(readOnly), inMemory, context);
        });
        return command;
    }

    // Today is read at each call unless --today fixes it: a server may run past midnight.
    private static int Serve(string folder, DateOnly? today, bool readOnly, bool inMemory, CommandContext context) =>
        Mcp.McpHost.Run(
            new Punchlist.Mcp.McpWorkspace(folder, () => today ?? DateOnly.FromDateTime(DateTime.Now), readOnly, inMemory, context.Warn),
            context.Verbose,
            context.Error);
}
