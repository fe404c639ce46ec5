using System.ComponentModel;
using ModelContextProtocol.Server;
using Punchlist.Workspaces;
using Punchlist.Json;

namespace Punchlist.Mcp.Tools;

[McpServerToolType]
internal static class VerifyItemTool
{
    [McpServerTool(Name = "verify_item", Title = "Verify an item against the repository", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        Whether an item's "done" (or a ticked criterion) holds up against the repository itself, as `punch verify --json` judges it
        (schema punchlist.evidence/1): the files it promises and whether they exist, repository probes tied to it (Dockerfile, CI
        workflows, Compose, Kubernetes, migrations…) with the files and lines they cite, and a verdict — verified, contradicted or
        unknown; mayBeDone when an open item's evidence all holds. Commands listed under Validation headings are never run here.
        Check this before ticking: tick_criterion refuses a tick the evidence contradicts.
        """)]
    public static EvidenceReportJson VerifyItem(
        McpWorkspace workspace,
        [Description("DOCUMENT#KEY, DOCUMENT#L12 or a KEY only one document has")] string address)
    {
        return workspace.Run(() =>
        {
            using var index = workspace.Scan();
            var (document, item) = Addresses.Resolve(index.DocumentsFor(address), address);
            var own = index.Only(document);
            var judged = own.Evidence().For(document, item);
            return new EvidenceReportJson(EvidenceReportJson.Version, JsonMapping.Date(workspace.Today), CommandsRun: false,
                [EvidenceMapping.Item(judged)], EvidenceMapping.Totals([judged]));
        });
    }
}
