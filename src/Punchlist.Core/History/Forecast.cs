namespace Punchlist.History;

/// <summary>A date by which the remaining items are done with <see cref="Percent"/> % likelihood, <see cref="Weeks"/> weeks from the start.</summary>
public sealed record ForecastDate(int Percent, int Weeks, DateOnly Date);

/// <summary>
/// A Monte Carlo forecast: <see cref="Remaining"/> items left, the weekly throughput sampled
/// (<see cref="Samples"/>, oldest first, and why those weeks), and the dates; or, with too little
/// history, no dates and <see cref="TooLittle"/> saying why.
/// </summary>
public sealed record ForecastResult(int Remaining, DateOnly From, IReadOnlyList<WeekCount> Samples, string Window, int Trials, ulong Seed, IReadOnlyList<ForecastDate> Dates, string? TooLittle);

/// <summary>
/// When will the remaining items be done? Each trial draws a week's throughput at random from the
/// recent weeks, again and again, until the items are used up; the weeks that took are counted, over
/// <see cref="Trials"/> trials, and the 50th, 85th and 95th percentiles become dates. The draws come
/// from a fixed seed, so the same history always gives the same dates.
/// </summary>
public static class Forecast
{
    /// <summary>
    /// The last twelve weeks: a quarter is recent enough to be the team as it works now, and holds
    /// enough weeks to show how much one week differs from the next.
    /// </summary>
    public const int WindowWeeks = 12;

    /// <summary>Fewer weeks than this, or fewer items done in them than <see cref="MinimumDone"/>, is too little history to sample.</summary>
    public const int MinimumWeeks = 4;

    public const int MinimumDone = 3;

    public const int Trials = 10_000;

    public const ulong DefaultSeed = 16;

    /// <summary>Past this many weeks a trial stops: the forecast says "more than ten years".</summary>
    public const int HorizonWeeks = 520;

    public static readonly int[] Percents = [50, 85, 95];

    /// <param name="throughput">Items done per week, every week of the history, oldest first; the week holding <paramref name="today"/> is left out (it is not over).</param>
    public static ForecastResult Run(int remaining, IReadOnlyList<WeekCount> throughput, DateOnly today, ulong seed = DefaultSeed)
    {
        var full = throughput.Where(w => w.Week.AddDays(7) <= today).ToList();
        var samples = full.Skip(Math.Max(0, full.Count - WindowWeeks)).ToList();
        string window = samples.Count == WindowWeeks
            ? $"the last {WindowWeeks} full weeks: a quarter is recent enough to be the team as it works now, and long enough to show how weeks differ"
            : $"all {samples.Count} full weeks of the history (fewer than the {WindowWeeks} it samples when it can)";
        int done = samples.Sum(s => s.Done);
        string? tooLittle = remaining == 0 ? null
            : samples.Count < MinimumWeeks ? $"only {samples.Count} full {(samples.Count == 1 ? "week" : "weeks")} of history: a forecast needs at least {MinimumWeeks}"
            : done < MinimumDone ? $"only {done} {(done == 1 ? "item" : "items")} done in the {samples.Count} weeks sampled: a forecast needs at least {MinimumDone}"
            : null;
        if (tooLittle is not null || remaining == 0)
        {
            return new ForecastResult(remaining, today, samples, window, 0, seed, remaining == 0 ? Percents.Select(p => new ForecastDate(p, 0, today)).ToList() : [], tooLittle);
        }

        var random = new SplitMix64(seed);
        var weeks = new int[Trials];
        for (int trial = 0; trial < Trials; trial++)
        {
            int left = remaining, week = 0;
            while (left > 0 && week < HorizonWeeks)
            {
                left -= samples[(int)(random.Next() % (ulong)samples.Count)].Done;
                week++;
            }

            weeks[trial] = left > 0 ? int.MaxValue : week;
        }

        Array.Sort(weeks);
        var dates = new List<ForecastDate>();
        foreach (int percent in Percents)
        {
            int w = weeks[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * Trials) - 1)];
            if (w == int.MaxValue)
            {
                break; // beyond the horizon: no date, as for this percentile and the ones above it
            }

            dates.Add(new ForecastDate(percent, w, today.AddDays(7 * w)));
        }

        return new ForecastResult(remaining, today, samples, window, Trials, seed, dates,
            dates.Count < Percents.Length ? $"at the recent pace some trials take more than {HorizonWeeks / 52} years" : null);
    }

    // SplitMix64 (Steele, Lea and Flood): written out rather than System.Random so that the sequence,
    // and with it every forecast, can never change with the runtime.
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
