using Punchlist.Json;
using Punchlist.Server.Pages;
using Punchlist.Storage.Postgres;
using RazorSlices;

namespace Punchlist.Server.Team;

/// <summary>
/// Team mode's pages: `/`, the organisation (repositories by readiness, late P0/P1 items with owners);
/// `/repositories/OWNER/NAME`, one repository's head; under it `/-/trackers/PATH` and `/-/items/ADDRESS`,
/// a tracker and an item as the head's push held them (laid out as single-repository mode's pages).
/// </summary>
public static class TeamPages
{
    public static string RepositoryUrl(string name) => "/repositories/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    /// <summary>A tracker of a repository's head: its path in one segment (`/` written `%2F`), as single-repository mode names it.</summary>
    public static string TrackerUrl(string repository, string path) => RepositoryUrl(repository) + "/-/trackers/" + Uri.EscapeDataString(path);

    /// <summary>An item of a repository's head, by its address (`path#key`).</summary>
    public static string ItemUrl(string repository, string address) => RepositoryUrl(repository) + "/-/items/" + Uri.EscapeDataString(address);

    public static IEndpointRouteBuilder MapTeamPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async Task<IResult> (int? page, HttpContext context, TeamStore store, TeamClock clock, OverviewCache cache, CancellationToken cancel) =>
        {
            int number = page ?? 1;
            var layout = Layout("Organisation", OverviewPages.Html(number), clock.Today);
            if (!TeamAccess.SeesAll(context))
            {
                return await TeamApi.OverviewUncached(context, store, clock.Today, number, OverviewPages.Html, cancel) is { } own
                    ? Slices.TeamOverview.Create(new TeamOverviewModel(own, TeamApi.Periods(await TeamApi.HistoryAsync(context, store, null, clock.Today, cancel)), layout))
                    : OverviewPages.NoSuchPage(number);
            }

            // Every repository: the page rendered once for this build of the overview, then served as bytes.
            var snapshot = await cache.GetAsync(cancel);
            return (IResult?)await snapshot.PageAnswerAsync("html", number, OverviewPages.Html, async overview =>
                {
                    using var html = new MemoryStream();
                    await Slices.TeamOverview.Create(new TeamOverviewModel(overview, TeamApi.Periods(snapshot.History), layout)).RenderAsync(html);
                    return RenderedAnswer.Of(html.ToArray(), "text/html; charset=utf-8");
                })
                ?? OverviewPages.NoSuchPage(number);
        }).WithName("teamOverview").ExcludeFromDescription();

        // One route for a repository and what is under it: a name may nest (GROUP/SUBGROUP/NAME), so a
        // tracker or an item follows `/-/` (as GitLab separates a project from its pages), in one escaped segment.
        app.MapGet("/repositories/{**name}", async Task<IResult> (string name, HttpContext context, TeamStore store, TeamClock clock, CancellationToken cancel) =>
        {
            int split = name.LastIndexOf("/-/", StringComparison.Ordinal);
            string repository = split < 0 ? name : name[..split];
            if (!TeamAccess.Sees(context, repository))
            {
                return NotFound(repository);
            }

            if (split < 0)
            {
                if (await store.Reader.HeadAsync(name, cancel) is not { } head)
                {
                    return NotFound(name);
                }

                var history = await TeamApi.HistoryAsync(context, store, name, clock.Today, cancel);
                return Slices.TeamRepository.Create(new TeamRepositoryModel(TeamApi.Repository(head), head.Status, TeamApi.Periods(history), Layout(name, RepositoryUrl(name), clock.Today)));
            }

            string rest = name[(split + 3)..];
            string kind = rest.Split('/')[0];
            string what = Urls.FromSegment(rest[(kind.Length + 1 < rest.Length ? kind.Length + 1 : rest.Length)..]);
            string path = kind == "items" && what.LastIndexOf('#') is > 0 and var hash ? what[..hash] : what;
            if (kind is not ("trackers" or "items") || await store.Trackers.TrackerAsync(repository, path, clock.Today, cancel) is not { } tracker)
            {
                return NotFound(repository, what);
            }

            if (kind == "trackers")
            {
                return Slices.TeamTracker.Create(new TeamTrackerModel(tracker, Layout(tracker.Title ?? path, TrackerUrl(repository, path), clock.Today)));
            }

            return tracker.Items.FirstOrDefault(i => i.Item.Address == what) is { } item
                ? Slices.TeamItem.Create(new TeamItemModel(tracker, item, Layout(item.Item.Title, ItemUrl(repository, what), clock.Today)))
                : NotFound(repository, what);
        }).WithName("teamRepository").ExcludeFromDescription();
        return app;
    }

    private static IResult NotFound(string repository, string? what = null) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: what is null ? "No such repository" : "No such tracker or item",
        detail: what is null ? $"Nothing has been pushed for '{repository}'." : $"The head of '{repository}' has no '{what}'.");

    // Only the organisation's pages are its section: a repository's, tracker's or item's page must not mark that link the current page.
    private static LayoutModel Layout(string title, string self, DateOnly today) =>
        new(title, self == "/" || self.StartsWith("/?", StringComparison.Ordinal) ? "overview" : "repository", "organisation", 0, today, null, false, self);
}

/// <param name="BurnUp">Every repository's burn-up by day, summed (empty when no push carried history).</param>
public sealed record TeamOverviewModel(OverviewJson Overview, IReadOnlyList<BurnUpJson> BurnUp, LayoutModel Layout);

public sealed record TeamRepositoryModel(RepositoryJson Repository, StatusJson Status, IReadOnlyList<BurnUpJson> BurnUp, LayoutModel Layout);

public sealed record TeamTrackerModel(TeamTracker Tracker, LayoutModel Layout);

public sealed record TeamItemModel(TeamTracker Tracker, TeamItem Item, LayoutModel Layout);

/// <param name="Whose">Whose items the burn-up counts, as a sentence begins ("This repository's items").</param>
/// <param name="Pushes">Whose pushes carried the history ("its pushes", "their pushes").</param>
public sealed record TeamBurnUpModel(IReadOnlyList<BurnUpJson> Days, string Whose, string Pushes);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(PushEvent))]
internal sealed partial class TeamJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
