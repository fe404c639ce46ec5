using System.Diagnostics;
using System.Globalization;
using Punchlist.Cli;

namespace Punchlist.Bench.Linear;

/// <summary>One command in a process of its own: what a one-shot `punch` run costs, time and peak memory.</summary>
internal static class Child
{
    public static int Run(string command, string folder)
    {
        var clock = Stopwatch.StartNew();
        var environment = new CliEnvironment(new DateOnly(2026, 11, 21), ColorAllowed: false, Width: 120, folder) { IndexOnDisk = false };
        int exit = CliApp.Run([command, "--no-index", folder], TextWriter.Null, TextWriter.Null, environment);
        double seconds = clock.Elapsed.TotalSeconds;
        double cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{exit} {seconds} {cpu} {Peak()}"));
        return 0;
    }

    public static (double Seconds, double CpuSeconds, long PeakBytes) Measure(string command, string folder)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Child).Assembly.Location);
        }

        foreach (string argument in new[] { "--child", command, folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the bench again");
        string[] answer = process.StandardOutput.ReadToEnd().Trim().Split(' ');
        process.WaitForExit();
        if (answer.Length != 4 || answer[0] is not ("0" or "1"))
        {
            throw new InvalidOperationException($"punch {command} {folder} failed: {string.Join(' ', answer)}");
        }

        return (double.Parse(answer[1], CultureInfo.InvariantCulture), double.Parse(answer[2], CultureInfo.InvariantCulture), long.Parse(answer[3], CultureInfo.InvariantCulture));
    }

    // The kernel's high-water mark of this process's resident memory.
    private static long Peak()
    {
        foreach (string line in File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status") : [])
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }

        return Environment.WorkingSet;
    }
}
