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
        var options = new GlobalOptions();
        var root = new RootCommand("Punchlist keeps the Markdown trackers in your repository honest.");
        options.AddTo(root);
        root.Add(StatusCommand.Create(options, output, error, environment));
        root.Add(ListCommand.Create(options, output, error, environment));
        root.Add(ShowCommand.Create(options, output, error, environment));
        root.Add(SearchCommand.Create(options, output, error, environment));
        root.Add(CheckCommand.Create(options, output, error, environment));
        root.Add(SyncCommand.Create(options, output, error, environment));
        root.Add(TickCommand.Create("done", done: true, options, output, error, environment));
        root.Add(TickCommand.Create("reopen", done: false, options, output, error, environment));
        root.Add(VerifyCommand.Create(options, output, error, environment));

        var parse = root.Parse(args);
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
