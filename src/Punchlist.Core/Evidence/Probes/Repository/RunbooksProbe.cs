using Punchlist.Evidence.Files;
using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Repository;

/// <summary>Runbooks exist: documents named `*runbook*` or in a `runbooks/` (or `playbooks/` of Markdown) folder.</summary>
internal sealed class RunbooksProbe : IProbe
{
    public ProbeInfo Info { get; } = new("repo.runbooks", "Operational runbooks are written", "repository",
        ProbeTerms.Any("runbook", "run book", "operations manual", "operational guide", "troubleshooting guide", "incident playbook", "response playbook"));

    public ProbeResult Run(ProbeContext context)
    {
        var runbooks = context.Index.Files
            .Where(f => (f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".adoc", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".rst", StringComparison.OrdinalIgnoreCase))
                && (f.Contains("runbook", StringComparison.OrdinalIgnoreCase) || RepositoryIndex.Folder(f).Contains("playbooks", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return runbooks.Count > 0
            ? ProbeResult.Pass($"runbooks: {string.Join(", ", runbooks.Take(3))}{(runbooks.Count > 3 ? " …" : string.Empty)}", runbooks.Take(10).Select(r => new Citation(r, 0)))
            : ProbeResult.Fail("no runbook documents (a file named *runbook* or a runbooks/ folder)");
    }
}
