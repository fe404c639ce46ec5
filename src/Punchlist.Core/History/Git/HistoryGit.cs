using System.ComponentModel;
using System.Diagnostics;

namespace Punchlist.History.Git;

/// <summary>
/// Starts the `git` program for the history, hardened against what a repository's own configuration
/// could make it run: no fsmonitor, no hooks, no system configuration, no pager, no textconv or
/// external diff driver (history never asks for patches, only `--raw` and blob contents), and
/// pathspecs only after `--`. The one place history runs git from.
/// </summary>
public sealed class HistoryGit(string workingDirectory)
{
    // Options every invocation carries, before the subcommand.
    private static readonly string[] Hardening =
    [
        "--no-pager",
        "-c", "core.fsmonitor=false",
        "-c", "core.hooksPath=/dev/null",
        "-c", "core.quotepath=off",
        "-c", "diff.external=",
        "-c", "log.showSignature=false",
    ];

    public string WorkingDirectory => workingDirectory;

    /// <summary>Runs git to completion; the exit code is -1 when git is not installed.</summary>
    public (int Exit, string Output, string Error) Run(params string[] args)
    {
        Process? process;
        try
        {
            process = Process.Start(Info(args, input: false));
        }
        catch (Win32Exception)
        {
            return (-1, string.Empty, "git is not installed");
        }

        using (process)
        {
            if (process is null)
            {
                return (-1, string.Empty, "git could not be started");
            }

            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.GetAwaiter().GetResult());
        }
    }

    /// <summary>Starts git with its standard output (and, when asked, input) to be streamed by the caller; null when git is not installed.</summary>
    public Process? Start(bool input, params string[] args)
    {
        try
        {
            var process = Process.Start(Info(args, input));
            if (process is not null)
            {
                // Read and dropped as it comes, so that git never blocks on a full error pipe.
                process.ErrorDataReceived += (_, _) => { };
                process.BeginErrorReadLine();
            }

            return process;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    private ProcessStartInfo Info(string[] args, bool input)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = input,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string option in Hardening)
        {
            info.ArgumentList.Add(option);
        }

        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["GIT_PAGER"] = "cat";
        info.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        info.Environment["LC_ALL"] = "C";
        info.Environment["GIT_NO_LAZY_FETCH"] = "1"; // a partial clone never fetches a missing blob for us (git 2.44+)
        info.Environment.Remove("GIT_EXTERNAL_DIFF");
        info.Environment.Remove("GIT_DIR");
        info.Environment.Remove("GIT_WORK_TREE");
        return info;
    }
}
