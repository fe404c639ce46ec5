using Punchlist.Server.Data;

namespace Punchlist.Server.Pages;

/// <summary>`/`: the overview a lead opens.</summary>
internal static class OverviewPage
{
    public static IEndpointRouteBuilder MapOverviewPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (IWorkspaceStore store, WorkspaceHistory history, PageContext page) =>
        {
            var snapshot = page.Snapshot;
            var past = history.Current;
            var model = page.Cached(("overview", snapshot.Version, store.Analysis.Version, snapshot.Today, past?.ETag),
                () => OverviewModel.Build(snapshot, store.Analysis, past, store, page.Layout("Overview", "overview", "/")));
            return Slices.Overview.Create(model);
        }).WithName("overview").ExcludeFromDescription();
        return app;
    }
}
