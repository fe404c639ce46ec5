using System.Diagnostics;
using System.Text;

namespace Punchlist.Git;

/// <summary>
/// The one way Punchlist runs the `git` program, so that nothing a repository can configure makes git
/// run another program: a workspace may come from an archive or a shared folder, and its `.git/config`
/// and `.gitattributes` are then written by whoever wrote the files (`verify` promises that no command
/// runs without `--run-commands`). Command-line settings beat every configuration file, so each
/// setting that names a program is overridden here; what cannot be overridden by a setting (a diff
/// driver's `textconv` or `command`, chosen by `.gitattributes`) is turned off by
/// <see cref="NoConverters"/>, which every command that prints a patch must pass.
/// </summary>
/// <remarks>
/// Overridden: `core.fsmonitor` (a program run to list changed files), `core.hooksPath` (hooks),
/// `diff.external`, `log.showSignature` (runs `gpg.program`), `core.pager` and every `pager.*` (by
/// `--no-pager` and `GIT_PAGER=cat`), `protocol.allow` and `GIT_NO_LAZY_FETCH` (a partial clone would
/// fetch missing objects, running `core.sshCommand` or a credential helper). The environment is
/// cleaned of what could point git at another repository or inject settings (`GIT_DIR`,
/// `GIT_CONFIG_PARAMETERS`, …) or run a program (`GIT_EXTERNAL_DIFF`, `GIT_ASKPASS`, …); the system
/// configuration is not read (`GIT_CONFIG_NOSYSTEM`) and messages are in the C locale. The user's
/// global settings are still read: `safe.directory` lives there, and git's refusal of a repository
/// owned by someone else is itself a protection. Pathspecs are the caller's own (history passes
/// `:(icase)*.md` after `--`); a path taken from the workspace must be passed as `:(literal)PATH`.
/// <see cref="Run"/> has a time limit and a bound on the output kept; <see cref="Start"/> streams.
/// </remarks>
public static class GitCommand
{
    /// <summary>Options for `log -p`, `diff` and `show`: no textconv filter, no external diff driver, no signature check.</summary>
    public static readonly IReadOnlyList<string> NoConverters = ["--no-textconv", "--no-ext-diff", "--no-show-signature"];

    /// <summary>The error of a <see cref="Run"/> on a machine without git.</summary>
    public const string NotInstalled = "git is not installed";

    private static readonly string NoWhere = OperatingSystem.IsWindows() ? "NUL" : "/dev/null";

    private static readonly string[] Settings =
    [
        "core.quotepath=off",
        "core.fsmonitor=false",
        $"core.hooksPath={NoWhere}",
        "diff.external=",
        "log.showSignature=false",
        "core.pager=cat",
        "protocol.allow=never",
    ];

    private static readonly string[] Unset =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_NAMESPACE", "GIT_COMMON_DIR", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
        "GIT_EXTERNAL_DIFF", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_PROXY_COMMAND",
        "GIT_EDITOR", "GIT_SEQUENCE_EDITOR", "GIT_TRACE", "GIT_TRACE2", "GIT_TRACE2_EVENT", "GIT_TRACE2_PERF",
    ];

    /// <summary>How a `git` program is started in <paramref name="workingDirectory"/> with these arguments, made safe.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args, bool input = true)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = input,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("--no-pager");
        foreach (string setting in Settings)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(setting);
        }

        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (string name in Unset)
        {
            info.Environment.Remove(name);
        }

        foreach (string name in info.Environment.Keys.Where(k => k.StartsWith("GIT_CONFIG_KEY_", StringComparison.Ordinal) || k.StartsWith("GIT_CONFIG_VALUE_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_NO_LAZY_FETCH"] = "1"; // git 2.44+; protocol.allow=never covers older ones
        info.Environment["GIT_PAGER"] = "cat";
        info.Environment["LC_ALL"] = "C";
        return info;
    }

    /// <summary>
    /// Starts git with its standard output (and, when <paramref name="input"/>, its input) left to the
    /// caller to stream; its errors are read and dropped as they come, so that git never blocks on a
    /// full pipe. Null when git cannot be started (not installed).
    /// </summary>
    public static Process? Start(string workingDirectory, IEnumerable<string> args, bool input)
    {
        try
        {
            var process = Process.Start(StartInfo(workingDirectory, args, input));
            if (process is not null)
            {
                process.ErrorDataReceived += (_, _) => { };
                process.BeginErrorReadLine();
            }

            return process;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs git to its end (or its time limit: then it is killed and the exit is -1) and returns its
    /// standard output, of which at most <paramref name="maxOutputChars"/> are kept (<see cref="GitResult.Truncated"/>).
    /// No git on this machine is exit -1 with no output.
    /// </summary>
    public static GitResult Run(string workingDirectory, IEnumerable<string> args, TimeSpan timeout, int maxOutputChars = 64 << 20)
    {
        var info = StartInfo(workingDirectory, args);
        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new GitResult(-1, string.Empty, NotInstalled, false);
        }

        if (process is null)
        {
            return new GitResult(-1, string.Empty, "git could not be started", false);
        }

        using (process)
        {
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            var output = new StringBuilder();
            bool truncated = false;
            var reading = Task.Run(() =>
            {
                char[] buffer = new char[1 << 16];
                int n;
                while ((n = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (output.Length + n > maxOutputChars)
                    {
                        truncated = true;
                        break;
                    }

                    output.Append(buffer, 0, n);
                }
            });

            if (!reading.Wait(timeout) || truncated)
            {
                Kill(process);
                return new GitResult(-1, string.Empty, truncated ? "git printed more than expected" : $"git did not finish in {timeout.TotalSeconds:0} s", truncated);
            }

            process.WaitForExit();
            string errors = error.Wait(TimeSpan.FromSeconds(5)) ? error.Result : string.Empty;
            return new GitResult(process.ExitCode, output.ToString(), errors, false);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }
}

/// <summary>What a git run came to: its exit code (-1: no git, killed at its time limit, or output past the bound), its output and its errors.</summary>
public sealed record GitResult(int Exit, string Output, string Error, bool Truncated);
