using System.CommandLine;
using Punchlist.Cli.Completion;

namespace Punchlist.Cli.Commands;

/// <summary>`punch completion SHELL`: prints the completion script for bash, zsh, fish or PowerShell.</summary>
internal static class CompletionCommand
{
    public static Command Create(RootCommand root, Action buildAll, TextWriter output)
    {
        var shell = new Argument<string>("shell")
        {
            Description = "bash, zsh, fish or powershell",
            HelpName = string.Join('|', CompletionScripts.Shells),
        };
        shell.AcceptOnlyFromAmong([.. CompletionScripts.Shells, "pwsh"]);
        var command = new Command("completion", "Print the shell completion script for bash, zsh, fish or PowerShell") { shell };
        command.SetAction(parse =>
        {
            // Every command, not only the one named: the script completes them all.
            buildAll();
            string name = parse.GetValue(shell)!.ToLowerInvariant() is "pwsh" ? "powershell" : parse.GetValue(shell)!.ToLowerInvariant();
            output.Write(CompletionScripts.For(name, CompletionModel.Of(root), CompletionModel.Global(root)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
