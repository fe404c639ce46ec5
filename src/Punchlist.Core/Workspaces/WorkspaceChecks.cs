using Punchlist.Analysis.Claims;
using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;

namespace Punchlist.Workspaces;

/// <summary>Runs the rule catalogue over a workspace with its own punchlist.yml policy and, when given, its history.</summary>
public static class WorkspaceChecks
{
    /// <summary>
    /// Every finding of the workspace's documents, in document and position order, with punchlist.yml's
    /// `rules:` applied. The SLA and staleness clocks read <paramref name="clock"/> (hosts give the
    /// history kept in the index); without one they start from the documents' own dates.
    /// </summary>
    public static IReadOnlyList<Finding> Check(this Workspace workspace, DateOnly today, ICreationClock? clock = null, Evidence.WorkspaceEvidence? evidence = null) =>
        new FindingEngine(FindingRules.Default).Check(workspace.Documents, workspace.Root, today, workspace.Config.Check, clock ?? NoHistory.Instance, evidence ?? workspace.Evidence());

    /// <summary>
    /// The workspace's evidence (files and probes, punchlist.yml's `probes:` applied). Commands run only
    /// when <paramref name="runCommands"/> says so (`punch verify --run-commands`), each within <paramref name="commandTimeout"/>.
    /// </summary>
    public static Evidence.WorkspaceEvidence Evidence(this Workspace workspace, bool runCommands = false, TimeSpan? commandTimeout = null) =>
        new(workspace.Root, new Evidence.EvidenceOptions
        {
            Probes = workspace.Config.Probes,
            RunCommands = runCommands,
            CommandTimeout = commandTimeout ?? Punchlist.Evidence.EvidenceOptions.DefaultTimeout,
        });

    /// <summary>The claims of each document that were left unjudged because their label named nothing with confidence (`--explain`).</summary>
    internal static IEnumerable<(string Document, UnmatchedClaim Claim)> UnjudgedClaims(this Workspace workspace) =>
        workspace.Documents.SelectMany(d => ClaimAnalysis.Of(d).Unmatched.Select(u => (d.Path, u)));
}
