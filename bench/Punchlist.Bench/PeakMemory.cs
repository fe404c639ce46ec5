using System.Globalization;

namespace Punchlist.Bench;

/// <summary>
/// Peak resident memory of one run. On Linux the kernel's own high-water mark (VmHWM) is reset before
/// the run (writing 5 to /proc/self/clear_refs) and read after it, so each run reports its own peak
/// exactly rather than a sampled guess; elsewhere the process's lifetime peak is all there is.
/// </summary>
internal static class PeakMemory
{
    private const string Status = "/proc/self/status";
    private const string ClearRefs = "/proc/self/clear_refs";

    /// <summary>True when <see cref="Reset"/> really resets the peak; otherwise peaks are lifetime peaks.</summary>
    public static bool CanReset { get; } = TryReset();

    public static void Reset()
    {
        if (CanReset)
        {
            TryReset();
        }
    }

    /// <summary>Peak working set since the last <see cref="Reset"/>, in bytes.</summary>
    public static long Peak()
    {
        return HighWaterMark(Status) ?? Environment.WorkingSet;
    }

    private static long? HighWaterMark(string status)
    {
        try
        {
            foreach (string line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No /proc (not Linux), or the process has just exited.
        }

        return null;
    }

    /// <summary>
    /// The peak working set of a child process, read from its /proc entry until it exits. Sampled, so a
    /// last burst just before exit can be missed; getrusage cannot stand in, because a child forked from
    /// this process starts out counting this process's pages.
    /// </summary>
    public static long Watch(System.Diagnostics.Process process)
    {
        long peak = 0;
        string status = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(status) ?? 0);
            Thread.Sleep(1);
        }

        return peak;
    }

    private static bool TryReset()
    {
        try
        {
            File.WriteAllText(ClearRefs, "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
