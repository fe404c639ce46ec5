using System.ComponentModel;
using System.Globalization;
using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Punchlist.Analysis.Findings;
using Punchlist.Evidence;
using Punchlist.Model;
using Punchlist.Workspaces;

namespace Punchlist.Mcp;

/// <summary>Prompts an MCP client offers its user: each gathers the facts now and says how to act on them with the tools.</summary>
[McpServerPromptType]
internal static class Prompts
{
    [McpServerPrompt(Name = "triage_late", Title = "Triage what is late")]
    [Description("Every item past its due date or its SLA, with owner and progress, and how to triage them with the tools")]
    public static string TriageLate(
        McpWorkspace workspace,
        [Description("Only this owner's items (a name, or 'none' for unowned ones)")] string? owner = null)
    {
        return workspace.Run(() =>
        {
            var today = workspace.Today;
            var all = workspace.Load();
            var items = all.AllItems().ToDictionary(m => (m.Document.Path, m.Item.Key), m => m.Item);
            var late = all.Check(today)
                .Where(f => CheckCounts.LateCodes.Contains(f.Code) && f.Item is not null && items.ContainsKey((f.Document, f.Item)))
                .GroupBy(f => (f.Document, Key: f.Item!))
                .Select(g => (g.Key.Document, Item: items[(g.Key.Document, g.Key.Key)], Findings: g.ToList()))
                .Where(l => owner is null or "" || OwnerMatches(l.Item.Owner, owner))
                .OrderBy(l => l.Item.Priority?.Rank ?? int.MaxValue).ThenBy(l => l.Document, StringComparer.Ordinal).ThenBy(l => l.Item.Position.Line)
                .ToList();

            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Triage the late work in this workspace (today is {today:yyyy-MM-dd}).\n\n");
            if (late.Count == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"Nothing is late{(owner is { Length: > 0 } ? $" for {owner}" : string.Empty)}: no open item is past its due date or its SLA. Say so, and stop.\n");
                return text.ToString();
            }

            text.Append(CultureInfo.InvariantCulture, $"{late.Count} item{(late.Count == 1 ? " is" : "s are")} late, most urgent first:\n\n");
            foreach (var (document, item, findings) in late)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"- {document}#{item.Key} \"{item.Title}\" ({item.Priority?.Name ?? "no priority"}, {(item.Owner is null ? "no owner" : $"owner {item.Owner}")}, {item.State.Name()}, {item.CriteriaChecked}/{item.CriteriaTotal} criteria): {string.Join("; ", findings.Select(f => f.Message))}\n");
            }

            text.Append("""

                For each item, in this order:
                1. get_item ADDRESS to read it, and verify_item ADDRESS to see whether the repository shows the work done already.
                2. If the evidence shows it done, propose set_status (status: done) or tick_criterion for the finished criteria — preview
                   first (apply: false), show the user the diff, and apply only when they agree, passing expected_hash.
                3. Otherwise say what is left (the open criteria), who owns it, and recommend one of: finish it now, move the due date
                   (say to what), reassign it, or escalate it — a P0 past its SLA needs escalation.
                Close with a short table: item, owner, days late, recommendation. Change no file the user has not approved.
                """);
            return text.ToString();
        });
    }

    [McpServerPrompt(Name = "reconcile_tracker", Title = "Reconcile a tracker with the repository")]
    [Description("A tracker's false claims, contradicted statuses and the items the repository shows done or not done, and how to make the tracker true")]
    public static string ReconcileTracker(
        McpWorkspace workspace,
        [Description("The tracker: its path in the workspace or the end of it (ROADMAP.md, docs/plans/q3.md)")] string document)
    {
        return workspace.Run(() =>
        {
            var today = workspace.Today;
            var all = workspace.Load();
            string wanted = document.Replace('\\', '/').TrimStart('.', '/');
            var matches = all.Documents.Where(d => Addresses.Names(d.Path, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            var tracker = matches.Count switch
            {
                1 => matches[0],
                0 => throw new McpProtocolException($"no tracker '{document}' in the workspace", McpErrorCode.InvalidParams),
                _ => throw new McpProtocolException($"'{document}' names {matches.Count} trackers: {string.Join(", ", matches.Select(d => d.Path))}", McpErrorCode.InvalidParams),
            };
            var evidence = all.Evidence();
            var findings = all.Check(today, evidence: evidence).Where(f => f.Document == tracker.Path).ToList();
            var judged = tracker.Items.Select(i => evidence.For(tracker, i)).ToList();

            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Reconcile {tracker.Path} with the repository (today is {today:yyyy-MM-dd}): make what it claims true.\n\n");
            Section(text, "What punch check finds in it", findings.Select(f => $"{f.Code} line {f.Start.Line}: {f.Message}"));
            Section(text, "Marked done, but the repository contradicts it", judged.Where(j => j.Item.State == ItemState.Done && j.Verdict == Verdict.Contradicted)
                .Select(j => $"{Workspace.Address(tracker, j.Item)} \"{j.Item.Title}\": {string.Join("; ", j.Failing.Select(r => r.Detail))}"));
            Section(text, "Not marked done, but every piece of evidence holds (may be done)", judged.Where(j => j.MayBeDone)
                .Select(j => $"{Workspace.Address(tracker, j.Item)} \"{j.Item.Title}\""));
            text.Append("""
                Then:
                1. For each item above, confirm with get_item and verify_item.
                2. Propose the edits that make the tracker true: tick_criterion or set_status for finished work, set_status open or
                   in-progress for work marked done that is not. Preview each (apply: false) and show the user the diffs.
                3. Wrong counts in dashboards and summary lines (PL001) and progress cookies are fixed by `punch sync --write`:
                   suggest the command rather than editing numbers by hand.
                4. Apply only what the user approves (apply: true with the preview's documentHash as expected_hash); never use
                   force: true unless the user says the evidence is wrong.
                """);
            return text.ToString();
        });
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        text.Append(CultureInfo.InvariantCulture, $"{title}: {(list.Count == 0 ? "none" : list.Count.ToString(CultureInfo.InvariantCulture))}\n");
        foreach (string line in list)
        {
            text.Append("- ").Append(line).Append('\n');
        }

        text.Append('\n');
    }

    private static bool OwnerMatches(string? owner, string wanted) =>
        wanted.Equals("none", StringComparison.OrdinalIgnoreCase) ? owner is null
            : owner is not null && owner.TrimStart('@').StartsWith(wanted.TrimStart('@'), StringComparison.OrdinalIgnoreCase);
}
