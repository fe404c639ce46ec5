namespace Punchlist.Bench;

/// <summary>
/// Request timings in milliseconds, percentiles by nearest rank (P(0) the least, P(100) the most).
/// One source file compiled into each load bench (Server, Team), so their percentiles are the same code.
/// </summary>
internal sealed class Timings
{
    private readonly List<double> _ms = [];

    public int Count => _ms.Count;

    public double Rate { get; set; }

    /// <summary>Requests that failed (each bench says which: past the client's timeout, or also an error status); their time is kept.</summary>
    public int Failed;

    public void Add(double ms)
    {
        lock (_ms)
        {
            _ms.Add(ms);
        }
    }

    public double P(double p)
    {
        var sorted = _ms.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
