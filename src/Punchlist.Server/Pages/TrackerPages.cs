using Punchlist.Server.Data;
using Punchlist.Server.Hosting;

namespace Punchlist.Server.Pages;

/// <summary>`/trackers`: every tracker, a page at a time; `/trackers/{path}`: one tracker.</summary>
internal static class TrackerPages
{
    public static IEndpointRouteBuilder MapTrackerPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/trackers", (string? sort, string? page, PageContext context) =>
        {
            var snapshot = context.Snapshot;
            string order = sort is null or "path" or "progress" or "late" or "findings" ? sort ?? "path"
                : throw new BadRequestException("Unknown order", $"sort is path, progress, late or findings, not '{sort}'");
            int number = page is null ? 1 : int.TryParse(page, out int n) && n >= 1 ? n : throw new BadRequestException("Bad page number", $"page must be a number from 1, not '{page}'");
            var model = context.Cached(("trackers", snapshot.Version, snapshot.Today, order, number),
                () => TrackersModel.Build(snapshot, order, number, context.Layout("Trackers", "trackers", TrackersModel.Url(order, number))));
            return Slices.Trackers.Create(model);
        }).WithName("trackers").ExcludeFromDescription();

        app.MapGet("/trackers/{path}", (string path, IWorkspaceStore store, PageContext context) =>
        {
            string decoded = Urls.FromSegment(path);
            var view = store.Document(decoded)
                ?? throw new AddressException($"no tracker '{decoded}' in the workspace", malformed: false);
            return Slices.Tracker.Create(TrackerModel.Of(view, context.Snapshot, context.Layout(view.Document.Title ?? view.Document.Path, "trackers", Urls.Tracker(decoded))));
        }).WithName("tracker").ExcludeFromDescription();
        return app;
    }
}

/// <summary>A page of the trackers list, in one of its orders.</summary>
public sealed record TrackersModel(LayoutModel Layout, IReadOnlyList<TrackerRow> Rows, int Total, string Order, int Page, int Pages)
{
    public const int PageSize = 100;

    public string PageUrl(int page) => Url(Order, page);

    public static string Url(string order, int page) =>
        "/trackers" + (order, page) switch
        {
            ("path", 1) => string.Empty,
            ("path", _) => $"?page={page}",
            (_, 1) => $"?sort={order}",
            _ => $"?sort={order}&page={page}",
        };

    public static TrackersModel Build(WorkspaceSnapshot snapshot, string order, int page, LayoutModel layout)
    {
        var rows = snapshot.Documents.Select(d => TrackerRow.Of(d, snapshot));
        rows = order switch
        {
            "progress" => rows.OrderBy(r => r.Progress.Percent ?? 101).ThenBy(r => r.Path, StringComparer.Ordinal),
            "late" => rows.OrderByDescending(r => r.Late).ThenBy(r => r.Path, StringComparer.Ordinal),
            "findings" => rows.OrderByDescending(r => r.Checks.Findings).ThenBy(r => r.Path, StringComparer.Ordinal),
            _ => rows,
        };
        int pages = Math.Max(1, (snapshot.Documents.Count + PageSize - 1) / PageSize);
        return new TrackersModel(layout, rows.Skip((page - 1) * PageSize).Take(PageSize).ToList(), snapshot.Documents.Count, order, Math.Min(page, pages), pages);
    }
}
