using System.ComponentModel;
using ModelContextProtocol.Server;
using Punchlist.Editing;
using Punchlist.Model;

namespace Punchlist.Mcp.Tools;

[McpServerToolType]
internal static class SetStatusTool
{
    [McpServerTool(Name = "set_status", Title = "Set an item's status", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        Sets an item's state as the document writes it: a card's status line in the document's own words (its **Status:** value, an
        Org TODO keyword), or a task's own box ([x] done, [ ] open, [/] in progress, [-] cancelled). done and open work on every item,
        as `punch done` and `punch reopen`; in-progress, blocked and cancelled need a status line (or, but for blocked, a box). Returns
        the diff; writes only with apply: true (pass the preview's documentHash as expected_hash), and never over a file changed since
        it was read. Declaring done an item whose evidence fails is refused, saying why, unless force: true.
        """)]
    public static EditJson SetStatus(
        McpWorkspace workspace,
        [Description("The item: DOCUMENT#KEY, DOCUMENT#L12, or a KEY only one document has")] string address,
        [Description("done, open, in-progress, blocked or cancelled")] string status,
        [Description("false (default): only return the diff; true: write it")] bool apply = false,
        [Description("The documentHash of the preview: the write is refused if the file changed since")] string? expected_hash = null,
        [Description("Write even though the repository's evidence contradicts it")] bool force = false)
    {
        var target = status.Trim().ToLowerInvariant() switch
        {
            "done" => ItemState.Done,
            "open" => ItemState.Open,
            "in-progress" or "in progress" or "inprogress" => ItemState.InProgress,
            "blocked" => ItemState.Blocked,
            "cancelled" or "canceled" => ItemState.Cancelled,
            _ => throw new PunchlistException($"status must be done, open, in-progress, blocked or cancelled, not '{status}'"),
        };
        var request = new ItemEdits.Request(address, null, target.Name(), apply, force, expected_hash);
        return ItemEdits.Run(workspace, request, (document, item) => StatusEdit.Edit(document, item, target));
    }
}
