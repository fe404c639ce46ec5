using System.Diagnostics;

namespace Punchlist.Cli.Tests.Support;

/// <summary>
/// A scratch workspace for the reliability tests (its own punchlist.yml makes it a root), removed
/// afterwards, with `punch` run in it in-process (index in memory or on disk) or as a separate process
/// (`dotnet punch.dll`), and shell commands for what only another process can do (hold a file open,
/// make a pipe, run as another user).
/// </summary>
internal sealed class Workdir : IDisposable
{
    public Workdir()
    {
        Root = Directory.CreateTempSubdirectory("punch-rel-").FullName;
        Write("punchlist.yml", "# test workspace\n");
    }

    public string Root { get; }

    public string this[string relative] => Path.Combine(Root, relative);

    public Workdir Write(string relative, string text)
    {
        string full = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public string Read(string relative) => File.ReadAllText(this[relative]);

    /// <summary>`punch` in-process, in the workspace, with the index in memory (or on disk when asked).</summary>
    public (int Exit, string Out, string Err) Punch(params string[] args) => Run(onDisk: false, args);

    public (int Exit, string Out, string Err) PunchIndexed(params string[] args) => Run(onDisk: true, args);

    private (int Exit, string Out, string Err) Run(bool onDisk, string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(Support.Punch.Today, ColorAllowed: false, Width: 120, Root) { IndexOnDisk = onDisk };
        int exit = CliApp.Run(args, output, error, environment);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>`punch` in-process on a thread of its own, failed after <paramref name="seconds"/>: for inputs that used to hang.</summary>
    public (int Exit, string Out, string Err) PunchWithin(int seconds, params string[] args)
    {
        var run = Task.Factory.StartNew(() => Punch(args), TaskCreationOptions.LongRunning);
        Assert.True(run.Wait(TimeSpan.FromSeconds(seconds)), $"punch {string.Join(' ', args)} did not finish in {seconds} s");
        return run.Result;
    }

    /// <summary>The CLI as its own process (`dotnet punch.dll`), with the index on disk as a user has it.</summary>
    public static ProcessStartInfo PunchProcess(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        return info;
    }

    public static (int Exit, string Out, string Err) RunProcess(ProcessStartInfo info, int timeoutSeconds = 120)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish in {timeoutSeconds} s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The CLI as its own process run by `nobody` (the workspace given to that user first): root reads and writes everything.</summary>
    public (int Exit, string Out, string Err) PunchAsNobody(params string[] args)
    {
        Shell("chown -R 65534:65534 .");
        return RunAsNobody(args);
    }

    /// <summary>The CLI run by `nobody` in a workspace that stays root's (made readable to all, writable by root alone).</summary>
    public (int Exit, string Out, string Err) PunchAsNobodyOnRootsFiles(params string[] args)
    {
        Shell("chmod -R a+rX .");
        return RunAsNobody(args);
    }

    private (int Exit, string Out, string Err) RunAsNobody(string[] args)
    {
        var info = PunchProcess(Root, args);
        string dotnet = info.FileName;
        info.FileName = "setpriv";
        foreach (string arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", dotnet }.Reverse())
        {
            info.ArgumentList.Insert(0, arg);
        }

        info.Environment["HOME"] = Path.GetTempPath();
        info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        return RunProcess(info);
    }

    /// <summary>Runs a shell command in the workspace; returns its exit code and output.</summary>
    public (int Exit, string Out) Shell(string script, int timeoutSeconds = 60)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        var (exit, output, error) = RunProcess(info, timeoutSeconds);
        return (exit, output + error);
    }

    public static bool IsRoot => Environment.UserName == "root" || (OperatingSystem.IsLinux() && File.ReadAllText("/proc/self/status").Contains("Uid:\t0\t", StringComparison.Ordinal));

    public void Dispose()
    {
        try
        {
            Shell($"chmod -R u+rwx '{Root}' 2>/dev/null; true");
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a process a test started may still hold a file for a moment; the OS cleans temp
        }
    }
}
