namespace Punchlist.Server.Team;

/// <summary>
/// The overview a page of repositories at a time, least ready first: at a thousand repositories, every
/// one in each answer was 1.7 MB of JSON and 535 KB of HTML per read (docs/BENCHMARKS.md §7), where a
/// reader looks at the top of the list. The totals and the attention list still cover every repository.
/// </summary>
internal static class OverviewPages
{
    /// <summary>Repositories a page.</summary>
    public const int Size = 50;

    public static string Api(int page) => page == 1 ? "/api/v1/overview" : $"/api/v1/overview?page={page}";

    public static string Html(int page) => page == 1 ? "/" : $"/?page={page}";

    public static IResult NoSuchPage(int page) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "No such page", detail: $"The overview has no page {page}: pages count from 1, {Size} repositories a page, and the last one is named by the first page's links.");
}
