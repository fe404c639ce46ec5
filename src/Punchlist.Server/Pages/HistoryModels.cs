using System.Globalization;
using Punchlist.Json;
using Punchlist.Server.Data;

namespace Punchlist.Server.Pages;

/// <summary>
/// The overview's burn-up and forecast, from the report `punch history` prints: being read, absent
/// (and why: no repository, no git, a shallow clone, no commit yet), or the last periods with the
/// forecast. <see cref="Absent"/> is what the page says instead of a chart.
/// </summary>
public sealed record BurnUpModel(string? Absent, HistoryJson? Report, IReadOnlyList<BurnUpJson> Periods, ForecastJson? Forecast)
{
    /// <summary>Half a year of weeks: long enough to see a trend, short enough to read each week.</summary>
    public const int PeriodsShown = 26;

    public static BurnUpModel Of(HistoryView? view)
    {
        if (view is null)
        {
            return new("The history is being read from git; the burn-up appears here when it has been.", null, [], null);
        }

        if (!view.Available)
        {
            return new($"No history: {view.Reason}.", null, [], null);
        }

        var report = view.Report();
        if (report.History is not { Commits: > 0 })
        {
            return new("No history yet: no commit has changed a tracker here.", report, [], null);
        }

        var periods = report.BurnUp!.Where(p => p.Group is null).ToList();
        return new(null, report, periods.Skip(Math.Max(0, periods.Count - PeriodsShown)).ToList(), report.Forecasts!.FirstOrDefault(f => f.Group is null));
    }

    /// <summary>What the chart shows, in words: its text alternative.</summary>
    public string Alt => Periods.Count == 0 ? "No burn-up"
        : $"Burn-up by week from {Periods[0].Start} to {Periods[^1].End}: scope from {Periods[0].Scope} to {Periods[^1].Scope} items, done from {Periods[0].Done} to {Periods[^1].Done}"
          + (Forecast?.Dates.FirstOrDefault(d => d.Percent == 85) is { } d && Forecast.Remaining > 0 ? $"; forecast: all done by {d.Date} in 85 % of trials" : string.Empty);

    /// <summary>The forecast in a sentence, as `punch history` says it.</summary>
    public string? ForecastText => Forecast switch
    {
        null => null,
        { Remaining: 0 } => "All items are done.",
        { Dates.Count: 0 } f => $"{Format.Plural(f.Remaining, "open item", "open items")}: no date yet, too little history ({f.TooLittle}).",
        var f => $"{Format.Plural(f.Remaining, "open item", "open items")} done by "
            + string.Join(", ", f.Dates.Select(d => $"{d.Date} ({d.Percent} %)"))
            + $"; {f.Trials.ToString("N0", CultureInfo.InvariantCulture)} trials over the throughput of {f.Window}."
            + (f.TooLittle is { } beyond ? $" {beyond}." : string.Empty),
    };
}

/// <summary>One item's timeline on its page: the commits that changed it and what they changed, or why there is none.</summary>
public sealed record TimelineModel(string? Absent, TimelineJson? Timeline)
{
    public static TimelineModel Of(HistoryView? view, string address)
    {
        if (view is null)
        {
            return new("The history is being read from git; the timeline appears here when it has been.", null);
        }

        if (!view.Available)
        {
            return new($"No history: {view.Reason}.", null);
        }

        try
        {
            return view.Timeline(address, view.Today) is { Item: { } timeline }
                ? new(null, timeline)
                : new("No commit has this item yet: its timeline starts when it is committed.", null);
        }
        catch (PunchlistException e)
        {
            return new(e.Message, null);
        }
    }
}
