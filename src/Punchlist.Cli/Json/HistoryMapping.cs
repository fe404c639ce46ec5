using System.Globalization;
using System.Text.Json;
using Punchlist.History;
using Punchlist.Model;

namespace Punchlist.Cli.Json;

/// <summary>The history model as `punchlist.history/1`, and its writer.</summary>
internal static class HistoryMapping
{
    // Indented, camelCase, and text as written: the one encoder every document uses (ReadableEncoder).
    private static readonly HistoryJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = ReadableEncoder.Instance,
    });

    public static void Write(TextWriter output, HistoryJson report) => output.WriteLine(JsonSerializer.Serialize(report, Context.HistoryJson));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateTime when) => when.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static CommitJson Commit(HistoryCommit c) => new(c.Id, Date(c.When), c.Author, c.Subject, c.IsMerge);

    public static BurnUpJson BurnUp(BurnUpPeriod p) => new(Date(p.Start), Date(p.End), p.Group, p.Scope, p.Done, p.Added, p.Removed, p.Completed, p.Reopened);

    public static DurationJson Duration(DurationStats s) => new(s.Count, Round(s.Median), Round(s.P85));

    public static FlowJson Flow(FlowFigures flow, IReadOnlyList<WeekCount> throughput) => new(
        Duration(flow.CycleTime),
        Duration(flow.LeadTime),
        throughput.Select(Week).ToList(),
        flow.Finished.Select(f => new FinishedJson(f.Address, f.Title, Date(f.Appeared), f.Started is { } s ? Date(s) : null, Date(f.Done), Round(f.CycleDays), Round(f.LeadDays)!.Value)).ToList(),
        flow.WentBackwards.Select(b => new WentBackJson(b.Address, b.Title, b.To.Name(), Commit(b.Commit))).ToList());

    public static WeekJson Week(WeekCount w) => new(Date(w.Week), w.Done);

    public static ClaimTurnJson Claim(ClaimTurn t) =>
        new(t.Document, t.Label, t.Declared, Commit(t.FirstSeen), t.BecameFalse is { } c ? Commit(c) : null, t.NeverTrue, t.StillFalse);

    public static ForecastJson Forecast(string? group, ForecastResult f) => new(
        group, f.Remaining, Date(f.From), f.Samples.Select(Week).ToList(), f.Window, f.Trials, f.Seed,
        f.Dates.Select(d => new ForecastDateJson(d.Percent, d.Weeks, Date(d.Date))).ToList(), f.TooLittle);

    /// <param name="until">The last day the clock of the current state ran (through its end).</param>
    public static TimelineJson Timeline(ItemTimeline t, DateOnly until) => new(
        t.Address,
        t.Last.Title,
        t.Last.State.Name(),
        t.Last.Priority is null ? null : t.Last.PriorityName,
        t.Present,
        t.Entries.Select(e => new TimelineEntryJson(Commit(e.Commit), e.Document, e.Changes.Select(c => new FieldChangeJson(c.Field, c.From, c.To)).ToList())).ToList(),
        t.TimeInState.ToDictionary(d => d.State.Name(), d => Round(d.Time.TotalDays)!.Value),
        Date(until));

    /// <summary>Days to a tenth: a day's precision is what planning reads, and the JSON stays stable.</summary>
    public static double? Round(double? days) => days is { } d ? Math.Round(d, 1, MidpointRounding.AwayFromZero) : null;
}
