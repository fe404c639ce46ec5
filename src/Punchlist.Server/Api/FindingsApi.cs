using Punchlist.Analysis.Findings;
using Punchlist.Evidence;
using Punchlist.Json;
using Punchlist.Server.Data;
using Punchlist.Server.Hosting;
using Punchlist.Server.Pages;

namespace Punchlist.Server.Api;

/// <summary>
/// `/api/v1/findings` (`punchlist.findings/1`, as `punch check --json`, from the latest check), and
/// `/api/v1/evidence?doc=…` (`punchlist.evidence/1`, as `punch verify --json`, commands never run).
/// </summary>
internal static class FindingsApi
{
    public static RouteGroupBuilder MapFindingsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/findings", (string? code, string? severity, string? doc, HttpContext context, IWorkspaceStore store, PageContext page) =>
        {
            if (severity is not null && !Severities.TryParse(severity, out _))
            {
                throw new BadRequestException("Unknown severity", $"severity is error, warning or note, not '{severity}'");
            }

            var analysis = store.Analysis;
            if (Conditional.NotModified(context, $"W/\"{page.Snapshot.Version}-{analysis.Version}-{page.Snapshot.Today.DayNumber}\""))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            // Which check this is: a newer scan may still be being checked.
            context.Response.Headers["X-Punchlist-Checked-Scan"] = analysis.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var findings = analysis.Findings.Where(f => (code is null || string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase))
                && (severity is null || f.Severity.Name() == severity.ToLowerInvariant())
                && (doc is null || f.Document == doc)).ToList();
            // Passed as `punch check` judges it by default: no finding is an error.
            bool passed = findings.All(f => f.Severity < Severity.Error);
            return TypedResults.Ok(FindingMapping.Report(findings, page.Snapshot.Documents.Count, analysis.Today, "error", passed));
        })
        .WithName("api-findings").WithTags("Findings").WithSummary("Every finding of the latest check, by code, severity and tracker if asked (punchlist.findings/1)")
        .Produces<FindingsJson>().ProducesProblem(StatusCodes.Status400BadRequest).Produces(StatusCodes.Status304NotModified);

        group.MapGet("/evidence", (string doc, IWorkspaceStore store, PageContext page) =>
        {
            var view = store.Document(Urls.FromSegment(doc))
                ?? throw new AddressException($"no tracker '{doc}' in the workspace", malformed: false);
            var items = view.Document.Items.Select(i => store.Item(Workspaces.Workspace.Address(view.Document, i)).Evidence).ToList();
            return TypedResults.Ok(new EvidenceReportJson(EvidenceReportJson.Version, JsonMapping.Date(page.Snapshot.Today), false,
                items.Select(EvidenceMapping.Item).ToList(), EvidenceMapping.Totals(items)));
        })
        .WithName("api-evidence").WithTags("Evidence").WithSummary("Each item of one tracker judged against the repository, as punch verify --json (punchlist.evidence/1)")
        .Produces<EvidenceReportJson>().ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }
}
