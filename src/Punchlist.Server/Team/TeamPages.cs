using Punchlist.Json;
using Punchlist.Server.Pages;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Team;

/// <summary>Team mode's pages: `/`, the organisation (repositories by readiness, late P0/P1 items with owners), and `/repositories/OWNER/NAME`, one repository's head.</summary>
internal static class TeamPages
{
    public static string RepositoryUrl(string name) => "/repositories/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    public static IEndpointRouteBuilder MapTeamPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (TeamStore store, TeamClock clock, CancellationToken cancel) =>
        {
            var overview = await TeamApi.Overview(store, clock.Today, cancel);
            return Slices.TeamOverview.Create(new TeamOverviewModel(overview, Layout("Organisation", "/", clock.Today)));
        }).WithName("teamOverview").ExcludeFromDescription();

        app.MapGet("/repositories/{**name}", async Task<IResult> (string name, TeamStore store, TeamClock clock, CancellationToken cancel) =>
        {
            if (await store.Reader.HeadAsync(name, cancel) is not { } head)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such repository", detail: $"Nothing has been pushed for '{name}'.");
            }

            return Slices.TeamRepository.Create(new TeamRepositoryModel(TeamApi.Repository(head), head.Status, Layout(name, RepositoryUrl(name), clock.Today)));
        }).WithName("teamRepository").ExcludeFromDescription();
        return app;
    }

    private static LayoutModel Layout(string title, string self, DateOnly today) => new(title, "overview", "organisation", 0, today, null, false, self);
}

public sealed record TeamOverviewModel(OverviewJson Overview, LayoutModel Layout);

public sealed record TeamRepositoryModel(RepositoryJson Repository, StatusJson Status, LayoutModel Layout);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(PushEvent))]
internal sealed partial class TeamJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
