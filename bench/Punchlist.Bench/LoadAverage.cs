namespace Punchlist.Bench;

/// <summary>The 1-minute load average, logged beside every run: on a shared machine it says how noisy a number is.</summary>
internal static class LoadAverage
{
    public static string Now()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
