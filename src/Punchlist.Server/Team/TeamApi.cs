using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Punchlist.Json;
using Punchlist.Search;
using Punchlist.Server.Hosting;
using Punchlist.Server.Pages;
using Punchlist.Server.Security;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Team;

/// <summary>
/// Team mode's API under /api/v1: `POST push` (a repository's push token), and across the
/// repositories the request may read (<see cref="TeamAccess"/>) `repositories`, `overview`,
/// `status/{repository}` (its head's status, as `punch status --json` printed it in CI) and `search`
/// (the whole query language, plus `repo:`).
/// </summary>
public static class TeamApi
{
    /// <summary>The largest push body taken, compressed (a push of a thousand trackers is a few hundred KB).</summary>
    public const long MaxPushBytes = 32L * 1024 * 1024;

    public const string PushPath = "/api/v1/push";

    internal static RouteGroupBuilder MapTeamApi(this RouteGroupBuilder api)
    {
        api.MapPost("/push", PushAsync).WithName("push").DisableRateLimiting();

        api.MapGet("/repositories", async (HttpContext context, TeamStore store, CancellationToken cancel) =>
            TypedResults.Json(new RepositoriesJson(RepositoriesJson.Version, TeamMapping.ByReadiness((await SummariesAsync(context, store, cancel)).Select(Repository))), PunchJson.Context.RepositoriesJson))
            .WithName("repositories");

        api.MapGet("/overview", async Task<IResult> (int? page, HttpContext context, TeamStore store, TeamClock clock, OverviewCache cache, CancellationToken cancel) =>
        {
            int number = page ?? 1;
            if (!TeamAccess.SeesAll(context))
            {
                return await OverviewUncached(context, store, clock.Today, number, OverviewPages.Api, cancel) is { } own
                    ? TypedResults.Json(own, PunchJson.Context.OverviewJson)
                    : OverviewPages.NoSuchPage(number);
            }

            // Every repository: the page's bytes as rendered for this build of the overview, tagged with their content.
            var snapshot = await cache.GetAsync(cancel);
            return (IResult?)await snapshot.PageAnswerAsync("json", number, OverviewPages.Api, overview => Task.FromResult(
                    RenderedAnswer.Of(JsonSerializer.SerializeToUtf8Bytes(overview, PunchJson.Context.OverviewJson), "application/json; charset=utf-8")))
                ?? OverviewPages.NoSuchPage(number);
        }).WithName("overview").Produces<OverviewJson>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/status/{**repository}", async Task<IResult> (string repository, HttpContext context, TeamStore store, CancellationToken cancel) =>
            TeamAccess.Sees(context, repository) && await store.Reader.HeadAsync(repository, cancel) is { } head
                ? TypedResults.Json(head.Status, PunchJson.Context.StatusJson)
                : NotFound(repository))
            .WithName("repositoryStatus");

        api.MapGet("/search", async Task<IResult> (string? q, int? limit, HttpContext context, TeamStore store, TeamClock clock, OverviewCache overview, ModelCache answers, CancellationToken cancel) =>
        {
            if (!TeamAccess.SeesAll(context))
            {
                return TypedResults.Json(await SearchAsync(TeamAccess.Scope(context), store, q, limit, clock.Today, cancel), PunchJson.Context.TeamSearchJson);
            }

            // Across every repository the answer changes only when a push lands (any instance's: the
            // overview's count of pushes heard) or the day turns: its bytes are made once until then,
            // however many readers ask at once. A malformed query fails and is not kept.
            var today = clock.Today;
            return await answers.GetAsync(("team-search", overview.Generation, today, q, limit), async () =>
                RenderedAnswer.Of(JsonSerializer.SerializeToUtf8Bytes(await SearchAsync(null, store, q, limit, today, CancellationToken.None), PunchJson.Context.TeamSearchJson),
                    "application/json; charset=utf-8"), cancel);
        }).WithName("teamSearch").Produces<TeamSearchJson>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/history", async Task<IResult> (string? repo, HttpContext context, TeamStore store, TeamClock clock, CancellationToken cancel) =>
            repo is not null && !TeamAccess.Sees(context, repo)
                ? NotFound(repo)
                : TypedResults.Json(await HistoryAsync(context, store, repo, clock.Today, cancel), PunchJson.Context.TeamHistoryJson))
            .WithName("teamHistory");
        return api;
    }

    /// <summary>The burn-up of the last <see cref="PushJson.HistoryDays"/> days: of one repository, or of every one the request may read.</summary>
    internal static Task<TeamHistoryJson> HistoryAsync(HttpContext context, TeamStore store, string? repository, DateOnly today, CancellationToken cancel) =>
        HistoryAsync(TeamAccess.Scope(context), store, repository, today, cancel);

    /// <param name="scope">The repositories the request may read: null for all.</param>
    internal static async Task<TeamHistoryJson> HistoryAsync(IReadOnlyCollection<string>? scope, TeamStore store, string? repository, DateOnly today, CancellationToken cancel)
    {
        var since = today.AddDays(1 - PushJson.HistoryDays);
        var days = await store.Reader.BurnUpAsync(since, today, repository is null ? scope : [repository], cancel);
        return new TeamHistoryJson(TeamHistoryJson.Version, repository, JsonMapping.Date(since), JsonMapping.Date(today),
            [.. days.Select(d => new TeamDayJson(JsonMapping.Date(d.Day), d.Scope, d.Done))]);
    }

    /// <summary>A burn-up as the charts draw it: one period per day.</summary>
    internal static IReadOnlyList<BurnUpJson> Periods(TeamHistoryJson history) =>
        [.. history.Days.Select(d => new BurnUpJson(d.Day, d.Day, null, d.Scope, d.Done, 0, 0, 0, 0))];

    internal static RepositoryJson Repository(RepositorySummary head) =>
        TeamMapping.Repository(head.Name, head.Commit, head.CommittedAt, head.Branch, head.PushedAt, head.Totals);

    /// <summary>The largest page of search results one request may ask for.</summary>
    public const int MaxSearchLimit = 1000;

    /// <param name="scope">The repositories the request may read: null for all.</param>
    internal static async Task<TeamSearchJson> SearchAsync(IReadOnlyCollection<string>? scope, TeamStore store, string? q, int? limit, DateOnly today, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > RequestLimits.MaxQueryLength)
        {
            throw new BadRequestException("No query", $"q= holds the query (docs/query.md; repo:OWNER/NAME selects repositories), at most {RequestLimits.MaxQueryLength} characters");
        }

        if (limit is < 0 or > MaxSearchLimit)
        {
            throw new BadRequestException("Bad limit", $"limit= is from 0 to {MaxSearchLimit}");
        }

        Query query;
        try
        {
            query = Query.Parse(q, new QueryContext(today));
        }
        catch (PunchlistException e)
        {
            throw new BadRequestException("Malformed query", e.Message);
        }

        var found = await store.Reader.SearchAsync(query, today, scope, limit ?? 50, cancel);
        return new TeamSearchJson(TeamSearchJson.Version, q, found.Total, found.Exact,
            [.. found.Hits.Select(h => new TeamResultJson(h.Repository, Math.Round(h.Rank, 6), h.Late, h.Item))]);
    }

    /// <summary>The heads the request may read, with their totals only (not each head's whole status: docs/BENCHMARKS.md §7).</summary>
    internal static async Task<IReadOnlyList<RepositorySummary>> SummariesAsync(HttpContext context, TeamStore store, CancellationToken cancel) =>
        [.. (await store.Reader.SummariesAsync(cancel)).Where(h => TeamAccess.Sees(context, h.Name))];

    /// <summary>
    /// Page <paramref name="page"/> of the overview the request may read, mapped afresh from the database
    /// (null when there is no such page): what a repository token reads (its one repository, cheap); a
    /// request reading every repository gets <see cref="OverviewCache"/>'s, mapped the same way.
    /// </summary>
    internal static async Task<OverviewJson?> OverviewUncached(HttpContext context, TeamStore store, DateOnly today, int page, Func<int, string> link, CancellationToken cancel)
    {
        var heads = await SummariesAsync(context, store, cancel);
        var attention = await store.Reader.AttentionAsync(today, TeamAccess.Scope(context), cancel: cancel);
        return TeamMapping.Overview(today, [.. heads.Select(Repository)], attention, page, OverviewPages.Size, link);
    }

    internal static RepositoryJson Repository(RepositoryHead head) =>
        TeamMapping.Repository(head.Name, head.Commit, head.CommittedAt, head.Branch, head.PushedAt, head.Status);

    private static async Task<IResult> PushAsync(HttpContext context, TeamStore store, TeamMetrics metrics, OverviewCache cache, ILogger<TeamStore> logger, CancellationToken cancel)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await TakePushAsync(context, store, logger, cancel);
        if (result.Outcome is { } outcome)
        {
            if (outcome.Answer.Head && !outcome.Repeated)
            {
                // Read-your-push on this instance: the answer waits for an overview that holds it. A
                // repeated push (CI run again on the same commit) stored nothing and changes no answer:
                // refreshing for it would throw away every kept overview page and search answer.
                await cache.RefreshAsync(cancel);
            }

            metrics.Pushed(outcome.Repeated ? "repeated" : outcome.Answer.Head ? "head" : "stored", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        else
        {
            metrics.Pushed("refused");
        }

        return result.Response;
    }

    private static async Task<(IResult Response, PushOutcome? Outcome)> TakePushAsync(HttpContext context, TeamStore store, ILogger<TeamStore> logger, CancellationToken cancel)
    {
        var token = await store.Tokens.FindAsync(Tokens.Bearer(context.Request), cancel);
        if (token is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"punchlist\"";
            return (TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A push token is required",
                detail: "Send the repository's push token as 'Authorization: Bearer <token>' (punch push reads it from PUNCHLIST_TOKEN); this one is unknown or revoked."), null);
        }

        if (token.Scope != TokenScope.Push)
        {
            return (TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A read token cannot push", detail: $"Token {token.Id} only reads."), null);
        }

        string encoding = context.Request.Headers.ContentEncoding.ToString();
        if (encoding is not ("" or "identity" or PushWire.ContentEncoding))
        {
            return (TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported encoding", detail: "A push is gzip or plain JSON."), null);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxPushBytes;
        }

        PushJson push;
        try
        {
            using var body = new MemoryStream();
            await CopyCappedAsync(context.Request.Body, body, MaxPushBytes, cancel);
            body.Position = 0;
            push = PushWire.Decode(body, gzip: encoding == PushWire.ContentEncoding);
        }
        catch (PushTooLargeException e)
        {
            return (TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Push too large", detail: e.Message + "; nothing was stored."), null);
        }
        catch (PushFormatException e)
        {
            return (TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed push", detail: e.Message + "; nothing was stored."), null);
        }

        if (push.Repository != token.Repository)
        {
            return (TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Wrong repository",
                detail: $"This token pushes to {token.Repository}, not {push.Repository}; nothing was stored."), null);
        }

        var outcome = await store.Pushes.StoreAsync(push, cancel);
        var answer = outcome.Answer;
        TeamLog.Pushed(logger, push.Repository, push.Commit.Sha, answer.Head, answer.NewVersions);
        return (TypedResults.Json(answer, PunchJson.Context.PushedJson), outcome);
    }

    private static async Task CopyCappedAsync(Stream from, Stream to, long limit, CancellationToken cancel)
    {
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = await from.ReadAsync(buffer, cancel)) > 0)
        {
            total += n;
            if (total > limit)
            {
                throw new PushTooLargeException(limit);
            }

            await to.WriteAsync(buffer.AsMemory(0, n), cancel);
        }
    }

    private static IResult NotFound(string repository) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "No such repository", detail: $"Nothing has been pushed for '{repository}'.");
}

/// <summary>Today for team mode: the configured day (tests) or the server's local date, each day anew.</summary>
internal sealed class TeamClock(IOptions<ServerOptions> options, TimeProvider time)
{
    public DateOnly Today => options.Value.Today ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}

internal static partial class TeamLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Push to {Repository} at {Commit}: head {Head}, {NewVersions} new document versions")]
    public static partial void Pushed(ILogger logger, string repository, string commit, bool head, int newVersions);
}
