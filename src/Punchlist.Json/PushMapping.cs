using Punchlist.Analysis.Findings;
using Punchlist.Evidence;
using Punchlist.Search;
using Punchlist.Workspaces;

namespace Punchlist.Json;

/// <summary>From one checked workspace to `punchlist.push/1`.</summary>
public static class PushMapping
{
    /// <param name="status">The workspace's `punchlist.status/1`, built as `punch status --json` builds it.</param>
    /// <param name="findings">What `punch check` reports for the workspace on <paramref name="today"/>.</param>
    public static PushJson Build(string repository, PushCommitJson commit, DateOnly today, StatusJson status, Workspace workspace, IReadOnlyList<Finding> findings, WorkspaceEvidence evidence)
    {
        var byDocument = findings.ToLookup(f => f.Document, StringComparer.Ordinal);
        var documents = workspace.Documents
            .Select(document =>
            {
                var record = DocumentRecord.Of(document, workspace.Config.Check);
                var records = record.Items;
                var verdicts = document.Items
                    .Select(item => evidence.For(document, item))
                    .Where(e => e.Records.Count > 0)
                    .Select(e => new VerdictJson(e.Item.Key, e.Verdict.Name()))
                    .ToList();
                return new PushDocumentJson(
                    document.Path,
                    document.Source.ContentHash,
                    document.Title,
                    records.Select(r => new PushItemJson(JsonMapping.Item(document.Path, r, today), r.Criteria.Select(c => new PushCriterionJson(c.Text, c.Checked)).ToList(),
                        r.Fields, r.Body, r.Tech, r.Contradicted)).ToList(),
                    byDocument[document.Path].Select(FindingMapping.Json).ToList(),
                    verdicts,
                    record.ReviewDue is { } review ? JsonMapping.Date(review) : null);
            })
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ToList();
        return new PushJson(PushJson.Version, repository, commit, JsonMapping.Date(today), status, documents);
    }
}
