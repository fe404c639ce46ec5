using Punchlist.Json;
using Punchlist.Server.Data;
using Punchlist.Server.Pages;

namespace Punchlist.Server.Api;

/// <summary>`/api/v1/status` (`punchlist.status/1`, as `punch status --json`) and `/api/v1/documents`, its trackers.</summary>
internal static class StatusApi
{
    public static RouteGroupBuilder MapStatusApi(this RouteGroupBuilder group)
    {
        group.MapGet("/status", (HttpContext context, PageContext page) =>
        {
            var snapshot = page.Snapshot;
            return Conditional.NotModified(context, snapshot.ETag)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : TypedResults.Ok(Status(snapshot));
        })
        .WithName("api-status").WithTags("Status").WithSummary("True progress of every tracker and in total (punchlist.status/1)")
        .Produces<StatusJson>().Produces(StatusCodes.Status304NotModified);

        group.MapGet("/documents", (HttpContext context, PageContext page) =>
        {
            var snapshot = page.Snapshot;
            return Conditional.NotModified(context, snapshot.ETag)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : TypedResults.Ok(Status(snapshot).Documents);
        })
        .WithName("api-documents").WithTags("Status").WithSummary("Every tracker's progress: the documents of punchlist.status/1")
        .Produces<IReadOnlyList<DocumentStatusJson>>().Produces(StatusCodes.Status304NotModified);

        group.MapGet("/documents/{path}", (string path, HttpContext context, PageContext page) =>
        {
            var snapshot = page.Snapshot;
            string decoded = Urls.FromSegment(path);
            var document = Status(snapshot).Documents.FirstOrDefault(d => d.Path == decoded);
            if (document is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such tracker", detail: $"no tracker '{decoded}' in the workspace");
            }

            return Conditional.NotModified(context, snapshot.ETag) ? Results.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(document);
        })
        .WithName("api-document").WithTags("Status").WithSummary("One tracker's progress (its path relative to the workspace, '/' written %2F)")
        .Produces<DocumentStatusJson>().ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status304NotModified);
        return group;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WorkspaceSnapshot, StatusJson> Reports = new();

    // Built once per snapshot: the same numbers `punch status --json` prints for these summaries and counts.
    public static StatusJson Status(WorkspaceSnapshot snapshot) =>
        Reports.GetValue(snapshot, s => StatusMapping.Build(s.Documents, null, s.Checks, null, s.Today));
}
