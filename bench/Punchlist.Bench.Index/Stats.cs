using System.Diagnostics;
using System.Globalization;

namespace Punchlist.Bench.Index;

/// <summary>Timings in milliseconds and their percentiles (nearest rank).</summary>
internal sealed class Stats(string name)
{
    private readonly List<double> _ms = [];

    public string Name => name;

    public int Count => _ms.Count;

    public T Time<T>(Func<T> action)
    {
        long start = Stopwatch.GetTimestamp();
        T result = action();
        _ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    public void Add(double ms) => _ms.Add(ms);

    public double Percentile(double p)
    {
        var sorted = _ms.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public double Median => Percentile(50);

    public static string Ms(double ms) => ms >= 100 ? ms.ToString("F0", CultureInfo.InvariantCulture) : ms.ToString("F2", CultureInfo.InvariantCulture);

    public static string Ratio(double a, double b) => (a / b).ToString(a / b >= 10 ? "F0" : "F2", CultureInfo.InvariantCulture) + "×";
}
