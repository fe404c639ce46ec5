using Punchlist.Analysis;
using Punchlist.History;
using Punchlist.Storage.History;

namespace Punchlist.Json;

/// <summary>What a history report covers: the selection, the burn-up's period, the dates and the grouping.</summary>
/// <param name="Query">The query's text as given (empty: every item).</param>
/// <param name="Paths">The documents and folders selected, relative to the workspace (none: all).</param>
public sealed record HistoryRequest(HistorySelection Selection, string Query, IReadOnlyList<string> Paths, HistoryInterval Interval, DateOnly? Since, DateOnly Until, GroupBy? By)
{
    /// <summary>Everything, by week, up to <paramref name="until"/>: what `punch history` prints with no arguments.</summary>
    public static HistoryRequest Default(DateOnly until) => new(HistorySelection.All, string.Empty, [], HistoryInterval.Week, null, until, null);
}

/// <summary>
/// `punchlist.history/1` from the history an index keeps: the report of a selection (burn-up, flow,
/// claims, forecasts) or one item's timeline. `punch history --json` and the server's
/// `/api/v1/history` both build it here, so they answer the same.
/// </summary>
public static class HistoryReport
{
    public const string Schema = "punchlist.history/1";

    /// <summary>No history to read (not a repository, no git, a shallow clone): why, in one line.</summary>
    public static HistoryJson Unavailable(DateOnly today, string? reason) =>
        new(Schema, HistoryMapping.Date(today), false, reason, null, null, null, null, null, null, null, null, null, null);

    public static HistoryJson Build(HistoryReader reader, HistoryRequest request, DateOnly today)
    {
        var (selection, interval, since, until, by) = (request.Selection, request.Interval, request.Since, request.Until, request.By);
        var burnUp = BurnUp.Of(reader.Events(), selection, by, interval, since, until);

        // Throughput and the forecast's samples: the weekly burn-up's completed counts, from the start.
        var weekly = interval == HistoryInterval.Week && since is null ? burnUp : BurnUp.Of(reader.Events(), selection, by, HistoryInterval.Week, null, until);
        var flow = Flow.Of(reader.Events(), selection, since, until);
        var claims = ClaimHistory.Of(reader.Claims().Where(c => selection.Covers(c.Document) && DateOnly.FromDateTime(c.Commit.When) <= until));
        var documents = reader.Documents().Where(d => selection.Covers(d.Path)).ToList();

        var forecasts = new List<ForecastJson>();
        foreach (var group in weekly.GroupBy(p => p.Group))
        {
            var periods = group.ToList();
            var last = periods[^1];
            var samples = periods.Select(p => new WeekCount(p.Start, p.Completed)).ToList();
            if (by is null || last.Scope > 0)
            {
                forecasts.Add(HistoryMapping.Forecast(group.Key, Forecast.Run(last.Scope - last.Done, samples, until)));
            }
        }

        var throughput = weekly.Where(p => p.Group is null && (since is null || p.End >= since.Value))
            .Select(p => new WeekCount(p.Start, p.Completed)).ToList();
        if (by is not null)
        {
            throughput = weekly.Where(p => since is null || p.End >= since.Value).GroupBy(p => p.Start)
                .Select(g => new WeekCount(g.Key, g.Sum(p => p.Completed))).ToList();
        }

        var commits = reader.Commits.Values.Where(c => DateOnly.FromDateTime(c.When) <= until).OrderBy(c => c.Seq).ToList();
        var range = new HistoryRangeJson(commits.Count, commits.Count > 0 ? HistoryMapping.Commit(commits[0]) : null,
            commits.Count > 0 ? HistoryMapping.Commit(commits[^1]) : null, documents.Count);
        return new HistoryJson(
            Schema,
            HistoryMapping.Date(today),
            true,
            null,
            range,
            new HistorySelectionJson(request.Query.Length == 0 ? null : request.Query, request.Paths, since is { } s ? HistoryMapping.Date(s) : null, HistoryMapping.Date(until)),
            interval.Name(),
            by?.ToString().ToLowerInvariant(),
            burnUp.Select(HistoryMapping.BurnUp).ToList(),
            HistoryMapping.Flow(flow, throughput),
            claims.Select(HistoryMapping.Claim).ToList(),
            forecasts,
            null,
            null);
    }

    /// <summary>One item's timeline up to <paramref name="until"/>; a user error when the address names no item, several, or one not there yet.</summary>
    public static HistoryJson Item(HistoryReader reader, string address, DateOnly until, DateOnly today)
    {
        var found = reader.Find(address);
        if (found.Count == 0)
        {
            throw new PunchlistException($"no item '{address}' in the history");
        }

        if (found.Count > 1 && !found.Skip(1).All(f => f.Item == found[0].Item))
        {
            var candidates = found.Select(f => f.Address).Distinct(StringComparer.Ordinal).ToList();
            throw new PunchlistException($"'{address}' names {candidates.Count} items; give one of: {string.Join(", ", candidates)}");
        }

        var end = until.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var events = reader.EventsOf(found[0].Item).Where(e => e.Commit.When < end).ToList();
        if (events.Count == 0)
        {
            throw new PunchlistException($"'{address}' first appeared after {HistoryMapping.Date(until)}");
        }

        var timeline = Timeline.Of(events, end);
        return new HistoryJson(Schema, HistoryMapping.Date(today), true, null, null, null, null, null, null, null, null, null, HistoryMapping.Timeline(timeline, until), null);
    }
}
