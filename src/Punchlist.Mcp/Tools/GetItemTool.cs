using System.ComponentModel;
using ModelContextProtocol.Server;
using Punchlist.Workspaces;
using Punchlist.Json;

namespace Punchlist.Mcp.Tools;

[McpServerToolType]
internal static class GetItemTool
{
    [McpServerTool(Name = "get_item", Title = "Get one item", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        One item in full, by address: its facts (state, priority, owner, due, effort, section path), every metadata field with its
        line, its criteria numbered as tick_criterion takes them, its source lines, the findings punch check reports on it, and the
        evidence the repository holds for or against it (files it names, probes; commands are never run).
        """)]
    public static ItemViewJson GetItem(
        McpWorkspace workspace,
        [Description("DOCUMENT#KEY (ROADMAP.md#MH-002), DOCUMENT#L12 (the item on line 12), or a KEY only one document has; search_items returns addresses")] string address)
    {
        return workspace.Run(() =>
        {
            var today = workspace.Today;
            using var index = workspace.Scan();
            var (document, item) = Addresses.Resolve(index.DocumentsFor(address), address);
            var detail = ItemMapping.Detail(document, item, today);

            // Findings from the item's own document, as `punch show` gives them: references to other
            // documents' items (PL008) are judged by list_findings, which reads them all.
            var own = index.Only(document);
            var evidence = own.Evidence();
            var findings = own.Check(today, evidence: evidence).Where(f => f.Item == item.Key && f.Code != "PL008")
                .OrderByDescending(f => f.Severity).ThenBy(f => f.Start.Line).Select(FindingMapping.Json).ToList();
            return new ItemViewJson(ItemDetailJson.Version, detail.Item, detail.Fields, detail.CriteriaList, detail.Source, findings,
                EvidenceMapping.Item(evidence.For(document, item)));
        });
    }
}
