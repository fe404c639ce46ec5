using System.ComponentModel;
using ModelContextProtocol.Server;
using Punchlist.Editing;

namespace Punchlist.Mcp.Tools;

[McpServerToolType]
internal static class TickCriterionTool
{
    [McpServerTool(Name = "tick_criterion", Title = "Tick or untick a criterion", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        Ticks (or unticks) one acceptance criterion of an item — its box, [ ] → [x] — and returns the change as a unified diff. Without
        apply: true nothing is written: call once to preview, show the diff, then call again with apply: true and the documentHash the
        preview returned as expected_hash. The write changes that one character, keeps every other byte of the file, and is refused if
        the file changed since it was read. A tick the repository's evidence contradicts (a file the item promises is missing, a probe
        that fails) is refused, saying why; do the work first, or pass force: true if the evidence is wrong. Criteria are numbered as
        get_item lists them.
        """)]
    public static EditJson TickCriterion(
        McpWorkspace workspace,
        [Description("The item: DOCUMENT#KEY (ROADMAP.md#MH-002), DOCUMENT#L12, or a KEY only one document has")] string address,
        [Description("The criterion: its number as get_item lists it (1, 2, …), or text that matches exactly one")] string criterion,
        [Description("true (default) to tick it, false to untick it")] bool done = true,
        [Description("false (default): only return the diff; true: write it")] bool apply = false,
        [Description("The documentHash of the preview: the write is refused if the file changed since")] string? expected_hash = null,
        [Description("Write even though the repository's evidence contradicts the tick")] bool force = false)
    {
        var request = new ItemEdits.Request(address, criterion, done ? "ticked" : "unticked", apply, force, expected_hash);
        return ItemEdits.Run(workspace, request, (document, item) => Ticking.Edit(document, item, criterion, done));
    }
}
