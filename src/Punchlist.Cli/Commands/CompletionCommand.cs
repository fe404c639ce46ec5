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
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[0].Value.ToLowerInvariant() : string.Empty;
                if (text == "pwsh" || CompletionScripts.Shells.Contains(text))
                {
                    return text == "pwsh" ? "powershell" : text;
                }

                result.AddError($"punch completion expects {OptionValues.Listed(CompletionScripts.Shells)}, not '{Rendering.TerminalText.Quote(result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty)}'");
                return string.Empty;
            },
        };
        var command = new Command("completion", "Print the shell completion script for bash, zsh, fish or PowerShell") { shell };
        command.SetAction(parse =>
        {
            // Every command, not only the one named: the script completes them all.
            buildAll();
            output.Write(CompletionScripts.For(parse.GetValue(shell)!, CompletionModel.Of(root), CompletionModel.Global(root)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
