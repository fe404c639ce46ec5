using System.Diagnostics;
using System.Globalization;
using Punchlist.Bench.Contenders;

namespace Punchlist.Bench;

/// <summary>
/// Peak memory of one scan in a process of its own. In the timing process the heap keeps what earlier
/// runs of other contenders committed, so its high-water mark says little about one contender; a fresh
/// process that scans once and reports its VmHWM says exactly what a one-shot `punch` run would need.
/// </summary>
internal static class FreshProcess
{
    public const string Mode = "peak-of";

    /// <summary>In the child: scan once, print the process's peak working set in bytes.</summary>
    public static int RunChild(IContender contender, string tree)
    {
        contender.Run(tree);
        Console.Out.WriteLine(PeakMemory.Peak().ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>In the parent: start the bench again in child mode and read its answer.</summary>
    public static long PeakOf(string contenderKey, string tree)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Started as `dotnet Punchlist.Bench.dll`, the host needs the assembly again; as the apphost, it does not.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FreshProcess).Assembly.Location);
        }

        foreach (string argument in new[] { $"--{Mode}", contenderKey, "--tree", tree })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the bench again");
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? long.Parse(output.Trim(), CultureInfo.InvariantCulture) : 0;
    }
}
