using System.Diagnostics;
using Punchlist.Git;

namespace Punchlist.History.Git;

/// <summary>
/// The history's git: <see cref="GitCommand"/> (the one hardened way Punchlist starts git: nothing a
/// repository configures runs) bound to the repository's folder. History never asks for patches,
/// only `--raw` and blob contents, and passes its pathspecs after `--`.
/// </summary>
public sealed class HistoryGit(string workingDirectory)
{
    // rev-parse, rev-list: quick questions. A repository that keeps git busy longer is not answered.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public string WorkingDirectory => workingDirectory;

    /// <summary>Runs git to completion; the exit code is -1 when git is not installed or ran past its time limit.</summary>
    public (int Exit, string Output, string Error) Run(params string[] args)
    {
        var result = GitCommand.Run(workingDirectory, args, Limit);
        return (result.Exit, result.Output, result.Error);
    }

    /// <summary>Starts git with its standard output (and, when asked, input) to be streamed by the caller; null when git is not installed.</summary>
    public Process? Start(bool input, params string[] args) => GitCommand.Start(workingDirectory, args, input);
}
