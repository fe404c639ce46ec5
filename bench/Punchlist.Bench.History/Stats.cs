namespace Punchlist.Bench.History;

/// <summary>Timings of one contender, in milliseconds.</summary>
internal sealed class Stats(string name)
{
    private readonly List<double> _samples = [];

    public string Name => name;

    public int Count => _samples.Count;

    public double Median
    {
        get
        {
            var sorted = _samples.Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    public double Min => _samples.Count == 0 ? double.NaN : _samples.Min();

    public double Max => _samples.Count == 0 ? double.NaN : _samples.Max();

    public void Add(double milliseconds) => _samples.Add(milliseconds);

    public T Time<T>(Func<T> run)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        T result = run();
        Add(clock.Elapsed.TotalMilliseconds);
        return result;
    }
}
