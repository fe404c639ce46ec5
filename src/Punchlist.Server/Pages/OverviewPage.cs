using Punchlist.Server.Data;

namespace Punchlist.Server.Pages;

/// <summary>`/`: the overview a lead opens.</summary>
internal static class OverviewPage
{
    public static IEndpointRouteBuilder MapOverviewPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (IWorkspaceStore store, WorkspaceHistory history, PageContext page, CancellationToken cancel) =>
        {
            var snapshot = page.Snapshot;
            var past = history.Current;
            var model = await page.CachedAsync(("overview", snapshot.Version, store.Analysis.Version, snapshot.Today, past?.ETag),
                () => OverviewModel.BuildAsync(snapshot, store.Analysis, past, store, page.Layout("Overview", "overview", "/")), cancel);
            return Slices.Overview.Create(model);
        }).WithName("overview").ExcludeFromDescription();
        return app;
    }
}
