using Punchlist.Json;
using Punchlist.Storage.History;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Push;

/// <summary>
/// One scan for `punch push`: the status `punch status --json` prints, and the findings and evidence
/// `punch check` and `punch verify` compute, over the same checkout on the same day.
/// </summary>
internal static class PushScan
{
    public static PushJson Build(CommandContext context, string[]? paths, string repository, PushCommitJson commit)
    {
        StatusJson status;
        using (var indexed = context.Scan(paths, context.Environment, factsOnly: true, keepDocuments: true))
        {
            var checks = indexed.Checks(context.Today);
            context.Warn(checks.Warnings);
            status = StatusMapping.Build(indexed.Summaries, null, checks.ByPath, null, context.Today);
        }

        var workspace = context.Load(paths, context.Environment);
        var evidence = workspace.Evidence();
        using var clock = HistoryClock.Open(workspace.Root, workspace.Config, context.IndexOptionsFor(workspace.Root));
        var findings = workspace.Check(context.Today, clock, evidence);
        context.Warn(evidence.Warnings());
        return PushMapping.Build(repository, commit, context.Today, status, workspace, findings, evidence) with { History = History(context, workspace) };
    }

    // The last days of the burn-up `punch history --interval day` draws, when the checkout has history
    // (a shallow clone has none: the push then carries none, and says nothing about it).
    private static List<PushDayJson>? History(CommandContext context, Workspace workspace)
    {
        using var history = HistoryIndex.Open(workspace.Root, workspace.Config, context.IndexOptionsFor(workspace.Root));
        if (history.State != HistoryState.Ready)
        {
            return null;
        }

        var since = context.Today.AddDays(1 - PushJson.HistoryDays);
        var report = HistoryReport.Build(history.Reader, new HistoryRequest(Punchlist.History.HistorySelection.All, string.Empty, [], Punchlist.History.HistoryInterval.Day, since, context.Today, null), context.Today);
        return report.BurnUp?.Select(p => new PushDayJson(p.End, p.Scope, p.Done)).DistinctBy(d => d.Day).TakeLast(PushJson.HistoryDays).ToList();
    }
}
