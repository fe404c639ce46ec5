using System.Diagnostics;

namespace Punchlist.Evidence.Commands;

/// <summary>What running a block came to: its exit code (null when it was killed or never started) and its last lines.</summary>
internal sealed record CommandResult(int? ExitCode, bool TimedOut, IReadOnlyList<string> Output, string? Error)
{
    public bool Ok => ExitCode == 0 && !TimedOut;
}

/// <summary>
/// Runs a command block from a document in the workspace — only ever because a person passed
/// `--run-commands`. Shell blocks run with `bash -e` (else `sh -e`), PowerShell blocks with `pwsh`
/// when it is installed. Standard input is closed. On Unix the block starts in its own session and
/// process group (`setsid`, which execs the shell in place: the shell's id is the group's), and when
/// the block ends — its shell exits, or the timeout comes — the whole group is killed, so what it
/// left running in the background (`sleep 1000 &`) does not outlive it; at the timeout the process
/// tree is killed as well.
/// </summary>
/// <remarks>
/// What escapes: a process that leaves the group on purpose — it calls `setsid` itself, or `nohup
/// setsid …`, or daemonizes into a session of its own — and has already been re-parented away from the
/// block's shell when the block ends. Nothing short of a cgroup (which needs privileges a command-line
/// tool does not have) can find it again; docs/verify.md says so.
/// </remarks>
internal static class CommandRunner
{
    public const int TailLines = 10;

    public static CommandResult Run(CommandBlock block, string workingDirectory, TimeSpan timeout)
    {
        var (shell, args) = block.IsPowerShell ? ("pwsh", new[] { "-NoProfile", "-NonInteractive", "-Command" }) : Shell();
        string? program = OnPath(shell);
        if (program is null)
        {
            return new CommandResult(null, false, [], $"{shell} is not installed");
        }

        var info = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string? setsid = OperatingSystem.IsWindows() ? null : OnPath("setsid");
        info.FileName = setsid ?? program;
        if (setsid is not null)
        {
            info.ArgumentList.Add(program);
        }

        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add(block.Script);
        var tail = new Queue<string>();
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new CommandResult(null, false, [], $"cannot start {shell}: {e.Message}");
        }

        process.StandardInput.Close();
        var readers = new[] { Task.Run(() => Keep(process.StandardOutput, tail)), Task.Run(() => Keep(process.StandardError, tail)) };
        bool exited = process.WaitForExit(timeout);
        if (setsid is not null)
        {
            // The block is over: whatever it left running in its group ends with it.
            KillGroup(process.Id);
        }

        if (!exited)
        {
            KillTree(process);
        }

        // A grandchild that kept the pipes open must not hold us: wait a moment for the last lines, no more.
        Task.WaitAll(readers, TimeSpan.FromSeconds(2));
        string[] lines;
        lock (tail)
        {
            lines = [.. tail];
        }

        return new CommandResult(exited ? process.ExitCode : null, !exited, lines, null);
    }

    private static void Keep(StreamReader reader, Queue<string> tail)
    {
        try
        {
            while (reader.ReadLine() is { } line)
            {
                lock (tail)
                {
                    tail.Enqueue(line);
                    while (tail.Count > TailLines)
                    {
                        tail.Dequeue();
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // the process is gone and its pipe with it
        }
    }

    private static (string Shell, string[] Args) Shell() => OnPath("bash") is not null ? ("bash", ["-e", "-c"]) : ("sh", ["-e", "-c"]);

    // setsid made the block's shell the leader of its own process group, whose id is the shell's: the
    // group outlives its leader while a member is left, and the kernel does not give its id to a new
    // group meanwhile.
    private static void KillGroup(int group)
    {
        const int Kill = 9;
        if (Workspaces.Posix.Available)
        {
            _ = Workspaces.Posix.Kill(-group, Kill);
            return;
        }

        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-KILL", "--", $"-{group}"]) { UseShellExecute = false, RedirectStandardError = true });
            kill?.WaitForExit(5_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no kill(1): the tree kill still runs at the timeout
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static string? OnPath(string program)
    {
        string[] names = OperatingSystem.IsWindows() ? [program + ".exe", program + ".cmd", program] : [program];
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in names)
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
