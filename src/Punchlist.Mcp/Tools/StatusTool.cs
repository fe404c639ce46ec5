using System.ComponentModel;
using ModelContextProtocol.Server;
using Punchlist.Analysis;
using Punchlist.Json;

namespace Punchlist.Mcp.Tools;

[McpServerToolType]
internal static class StatusTool
{
    [McpServerTool(Name = "status", Title = "Tracker status", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        The true progress of every Markdown or Org tracker in the workspace, as `punch status --json` gives it (schema punchlist.status/1):
        per tracker and in total, items by state (open, inProgress, done, blocked, cancelled), criteria checked, progress (done items of
        items, cancelled left out), overdue and late counts (late: past the due date or the SLA), findings by severity and how done items
        fare against the repository's evidence. Start here to see what is late and where; then search_items or list_findings.
        """)]
    public static StatusJson Status(
        McpWorkspace workspace,
        [Description("Also sum up by one of: priority, owner, document, section (the groups list; items with no owner or section are the group whose name is null)")] string? by = null)
    {
        GroupBy? grouping = by is null or "" ? null
            : Enum.TryParse<GroupBy>(by, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw new PunchlistException($"by must be priority, owner, document or section, not '{by}'");
        return workspace.Run(() =>
        {
            var today = workspace.Today;
            using var index = workspace.Scan(factsOnly: true, keepDocuments: true);
            var checks = index.Checks(today);
            return StatusMapping.Build(index.Summaries, grouping is null ? null : index.Documents, checks.ByPath, grouping, today);
        });
    }
}
