using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>`punch completion SHELL`: scripts written from the command tree; bash's is run here as bash runs it.</summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("st", "status")]
    [InlineData("status --b", "--by")]
    [InlineData("status --by ", "document priority section owner")]
    [InlineData("check --fail-on w", "warning")]
    [InlineData("list --today 2026-01-01 --sta", "--state")]
    [InlineData("list --state ", "open in-progress done blocked cancelled")]
    [InlineData("completion ", "bash zsh fish powershell")]
    [InlineData("--ver", "--verbose --version")]
    public void Bash_completes_commands_options_and_their_values(string typed, string expected)
    {
        if (!File.Exists("/bin/bash") || OperatingSystem.IsWindows())
        {
            return; // nothing to run the script with
        }

        var (exit, script, _) = Punch.Run("completion", "bash");
        Assert.Equal(0, exit);
        string file = Path.Combine(Path.GetTempPath(), $"punch-completion-{Guid.NewGuid():N}.bash");
        File.WriteAllText(file, script);
        try
        {
            string words = string.Join(' ', ("punch " + typed).Split(' ').Select(w => $"'{w}'"));
            int current = ("punch " + typed).Split(' ').Length - 1;
            var (code, output, error) = Processes.Run("/bin/bash", ["-c", $"source '{file}'; COMP_WORDS=({words}); COMP_CWORD={current}; _punch; echo \"${{COMPREPLY[*]}}\""]);
            Assert.True(code == 0, error);
            Assert.Equal(expected, output.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("bash", "complete -F _punch punch")]
    [InlineData("zsh", "compdef _punch punch")]
    [InlineData("fish", "complete -c punch -n '__fish_seen_subcommand_from check' -l fail-on -x -a 'error warning note none'")]
    [InlineData("powershell", "Register-ArgumentCompleter -Native -CommandName punch")]
    [InlineData("PowerShell", "Register-ArgumentCompleter -Native -CommandName punch")]
    public void Every_shell_gets_a_script_naming_every_command(string shell, string marker)
    {
        var (exit, script, error) = Punch.Run("completion", shell);
        Assert.True(exit == 0, error);
        Assert.Contains(marker, script, StringComparison.Ordinal);
        Assert.All(new[] { "status", "list", "show", "search", "check", "sync", "done", "reopen", "verify", "config", "init", "completion" },
            command => Assert.Contains(command, script, StringComparison.Ordinal));
        foreach (var (program, flag) in new[] { ("bash", "-n"), ("zsh", "-n"), ("fish", "-n") })
        {
            if (shell == program && Which(program) is { } path)
            {
                string file = Path.Combine(Path.GetTempPath(), $"punch-completion-{Guid.NewGuid():N}");
                File.WriteAllText(file, script);
                try
                {
                    var (code, _, syntax) = Processes.Run(path, [flag, file]);
                    Assert.True(code == 0, syntax);
                }
                finally
                {
                    File.Delete(file);
                }
            }
        }
    }

    [Fact]
    public void An_unknown_shell_is_one_line()
    {
        var (exit, output, error) = Punch.Run("completion", "tcsh");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
}
