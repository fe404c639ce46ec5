using System.Globalization;
using Punchlist.Analysis;
using Punchlist.History;
using Punchlist.Json;
using Punchlist.Server.Data;
using Punchlist.Server.Hosting;
using Punchlist.Server.Pages;

namespace Punchlist.Server.Api;

/// <summary>
/// `/api/v1/history` (`punchlist.history/1`, as `punch history --json`: burn-up, flow, claims that
/// turned false, forecasts) and `/api/v1/items/{address}/history` (one item's timeline, as
/// `punch history ADDRESS --json`). Outside a git repository both answer `available: false` and why,
/// as the CLI does. The first read of a long history can take a while: these wait for it.
/// </summary>
internal static class HistoryApi
{
    private static readonly string[] Intervals = ["day", "week", "month"];
    private static readonly string[] Groupings = ["document", "priority", "section", "owner"];

    public static RouteGroupBuilder MapHistoryApi(this RouteGroupBuilder group)
    {
        group.MapGet("/history", async (string? q, string[]? path, string? interval, string? since, string? until, string? by,
            HttpContext context, IWorkspaceStore store, WorkspaceHistory history) =>
        {
            var view = await history.ReadAsync();
            var request = Request(store, view, q, path ?? [], interval, since, until, by);
            return Conditional.NotModified(context, view.ETag)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : TypedResults.Ok(view.Report(request));
        })
        .WithName("api-history").WithTags("History")
        .WithSummary("Burn-up with scope change, flow, claims that turned false and forecasts from git, as punch history --json (punchlist.history/1)")
        .WithDescription("q selects items (docs/query.md); path (repeatable) selects trackers or folders; interval is day, week or month; since and until are YYYY-MM-DD; by is document, priority, section or owner.")
        .Produces<HistoryJson>().ProducesProblem(StatusCodes.Status400BadRequest).Produces(StatusCodes.Status304NotModified);

        group.MapGet("/items/{address}/history", async (string address, string? until, HttpContext context, WorkspaceHistory history) =>
        {
            var view = await history.ReadAsync();
            string decoded = Urls.FromSegment(address);
            AddressRules.Check(decoded);

            var last = Date(until, "until") ?? view.Today;
            if (Conditional.NotModified(context, view.ETag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            HistoryJson? timeline;
            try
            {
                timeline = view.Timeline(decoded, last);
            }
            catch (PunchlistException e)
            {
                throw new BadRequestException("Not one item", e.Message); // several items, or none yet by `until`
            }

            return timeline is null
                ? throw new AddressException($"no item '{decoded}' in the history", malformed: false)
                : TypedResults.Ok(timeline);
        })
        .WithName("api-item-history").WithTags("History").WithSummary("One item's timeline from git, as punch history ADDRESS --json (punchlist.history/1)")
        .Produces<HistoryJson>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status304NotModified);
        return group;
    }

    // The request as `punch history` reads its arguments; what it would refuse is a 400 here.
    private static HistoryRequest Request(IWorkspaceStore store, HistoryView view, string? q, string[] paths, string? interval, string? since, string? until, string? by)
    {
        var query = QueryInput.Parse(store, q, view.Today);
        var scope = view.Within(paths.Select(Path).ToList());
        HistorySelection selection;
        try
        {
            selection = HistorySelection.Of(query, scope);
        }
        catch (PunchlistException e)
        {
            throw new BadRequestException("Cannot select by that", e.Message);
        }

        var first = Date(since, "since");
        var last = Date(until, "until") ?? view.Today;
        if (first > last)
        {
            throw new BadRequestException("Bad dates", $"since {HistoryMapping.Date(first.Value)} is after until {HistoryMapping.Date(last)}");
        }

        return new HistoryRequest(
            selection,
            (q ?? string.Empty).Trim(),
            scope,
            Enum.Parse<HistoryInterval>(Choice(interval, "interval", Intervals) ?? "week", ignoreCase: true),
            first,
            last,
            Choice(by, "by", Groupings) is { } group ? Enum.Parse<GroupBy>(group, ignoreCase: true) : null);
    }

    // A tracker or folder relative to the workspace, written with '/'; never one outside it.
    private static string Path(string path)
    {
        string p = path.Replace('\\', '/').Trim().TrimEnd('/');
        if (p.Length == 0 || p.Length > 1000 || p.StartsWith('/') || p.Contains(':', StringComparison.Ordinal) || p.Split('/').Any(s => s is ".." or "."))
        {
            throw new BadRequestException("Bad path", $"'{path}' is not a path relative to the workspace");
        }

        return p;
    }

    private static string? Choice(string? value, string name, string[] choices) =>
        value is null ? null
        : choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new BadRequestException($"Bad {name}", $"{name} is one of {string.Join(", ", choices)}, not '{value}'");

    private static DateOnly? Date(string? value, string name) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new BadRequestException($"Bad {name}", $"{name} is a date as YYYY-MM-DD, not '{value}'");
}
