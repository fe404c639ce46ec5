using System.ComponentModel;
using ModelContextProtocol.Server;
using Punchlist.Storage.History;
using Punchlist.Json;

namespace Punchlist.Mcp.Tools;

[McpServerToolType]
internal static class ItemHistoryTool
{
    [McpServerTool(Name = "item_history", Title = "An item's history", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        One item's timeline from the repository's git history, as `punch history ADDRESS --json` gives it (schema punchlist.history/1):
        every commit that changed it (state, status, title, owner, due date, priority, criteria ticked, moves between documents) with
        its author and date, and how many days it spent in each state. Use it to see when work started, when a box was ticked and by
        whom, or whether a done item was reopened. available is false, with the reason, outside a git repository.
        """)]
    public static HistoryJson ItemHistory(
        McpWorkspace workspace,
        [Description("DOCUMENT#KEY (ROADMAP.md#MH-002) or a KEY; items since deleted or renamed are found too")] string address)
    {
        return workspace.Run(() =>
        {
            using var history = workspace.History();
            if (history.State != HistoryState.Ready)
            {
                return HistoryReport.Unavailable(workspace.Today, history.Reason);
            }

            return HistoryReport.Item(history.Reader, address, workspace.Today, workspace.Today);
        });
    }
}
