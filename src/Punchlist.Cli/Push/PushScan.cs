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
        return PushMapping.Build(repository, commit, context.Today, status, workspace, findings, evidence);
    }
}
