using Punchlist.Analysis.Findings;
using Punchlist.Server.Data;
using Punchlist.Server.Hosting;

namespace Punchlist.Server.Pages;

/// <summary>`/findings?code=&amp;severity=&amp;doc=`: every finding of the latest check, by code, severity and tracker.</summary>
internal static class FindingsPage
{
    public static IEndpointRouteBuilder MapFindingsPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/findings", (string? code, string? severity, string? doc, IWorkspaceStore store, PageContext context) =>
        {
            if (severity is not null && !Severities.TryParse(severity, out _))
            {
                throw new BadRequestException("Unknown severity", $"severity is error, warning or note, not '{severity}'");
            }

            var snapshot = context.Snapshot;
            var analysis = store.Analysis;
            string self = "/findings" + QueryString.Create(new Dictionary<string, string?> { ["code"] = code, ["severity"] = severity, ["doc"] = doc }.Where(p => p.Value is not null));
            var model = context.Cached(("findings", snapshot.Version, analysis.Version, code, severity, doc),
                () => FindingsModel.Build(analysis, snapshot, code, severity, doc, context.Layout("Findings", "findings", self)));
            return Slices.Findings.Create(model);
        }).WithName("findings").ExcludeFromDescription();
        return app;
    }
}

/// <summary>The findings page: counts by code, severity and tracker, and the findings the filters keep.</summary>
public sealed record FindingsModel(LayoutModel Layout, IReadOnlyList<(string Code, string Name, int Count)> ByCode, IReadOnlyList<(string Severity, int Count)> BySeverity,
    IReadOnlyList<(string Document, int Count)> ByDocument, IReadOnlyList<Finding> Shown, int Matching, string? Code, string? Severity, string? Document, AnalysisState Analysis)
{
    public const int Limit = 500;

    public string Filter(string? code, string? severity, string? document) =>
        "/findings" + QueryString.Create(new Dictionary<string, string?> { ["code"] = code, ["severity"] = severity, ["doc"] = document }.Where(p => p.Value is not null));

    public static FindingsModel Build(WorkspaceAnalysis analysis, WorkspaceSnapshot snapshot, string? code, string? severity, string? document, LayoutModel layout)
    {
        var all = analysis.Findings;
        var byCode = all.GroupBy(f => f.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.First().Name, g.Count())).ToList();
        var bySeverity = all.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => (g.Key.Name(), g.Count())).ToList();
        var byDocument = all.GroupBy(f => f.Document).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(25).Select(g => (g.Key, g.Count())).ToList();
        var matching = all.Where(f => (code is null || string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase))
            && (severity is null || f.Severity.Name() == severity.ToLowerInvariant())
            && (document is null || f.Document == document)).ToList();
        return new FindingsModel(layout, byCode, bySeverity, byDocument, matching.Take(Limit).ToList(), matching.Count, code, severity, document,
            new AnalysisState(analysis.Version, analysis.Version == snapshot.Version, analysis.Version == 0));
    }
}
