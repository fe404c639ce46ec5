namespace Punchlist.Bench;

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// The median of per-round ratios baseline time / our time. Rounds pair runs made seconds apart,
    /// so a load spike from a neighbour that slows both cancels out, which the ratio of medians cannot do.
    /// </summary>
    public static double PairedRatio(IReadOnlyList<Sample> ours, IReadOnlyList<Sample> baseline) =>
        Median(ours.Zip(baseline, (o, b) => b.Elapsed.TotalSeconds / o.Elapsed.TotalSeconds));

    public static string Bytes(double bytes) => bytes switch
    {
        >= 1024 * 1024 * 1024 => $"{bytes / (1024 * 1024 * 1024):F2} GB",
        >= 1024 * 1024 => $"{bytes / (1024 * 1024):F0} MB",
        >= 1024 => $"{bytes / 1024:F0} KB",
        _ => $"{bytes:F0} B",
    };
}
