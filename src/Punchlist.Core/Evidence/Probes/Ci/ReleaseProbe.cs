using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Ci;

/// <summary>
/// Releases are automated: a workflow triggered by tags or releases, or a release tool
/// (semantic-release, release-please, GoReleaser, changesets, action-gh-release).
/// </summary>
internal sealed class ReleaseProbe : IProbe
{
    private static readonly string[] Tools = ["semantic-release", "release-please", "goreleaser", "changeset publish", "gh release create", "npm publish", "dotnet nuget push", "twine upload", "cargo publish"];
    private static readonly string[] Actions = ["softprops/action-gh-release", "googleapis/release-please-action", "google-github-actions/release-please-action", "goreleaser/goreleaser-action", "changesets/action", "ncipollo/release-action", "cycjimmy/semantic-release-action"];
    private static readonly string[] Configs = [".releaserc", ".releaserc.json", ".releaserc.yml", "release.config.js", "release-please-config.json", ".goreleaser.yml", ".goreleaser.yaml", ".changeset/config.json"];

    public ProbeInfo Info { get; } = new("ci.release", "Releases are automated", "ci",
        ProbeTerms.Any("release automation", "automated release", "release pipeline", "release workflow", "github release", "semantic release", "semantic versioning",
            "release please", "goreleaser", "publish release", "release creation", "on release", "release process").In(Scope.Ci))
    {
        Refines = ["ci.workflow"],
    };

    public ProbeResult Run(ProbeContext context)
    {
        foreach (var workflow in context.Ci.Workflows)
        {
            var on = Yaml.Get(workflow.Root, "on") ?? Yaml.Get(workflow.Root, "true");
            var trigger = Yaml.Get(on, "release") ?? Yaml.Path(on, "push", "tags");
            if (trigger is not null)
            {
                return ProbeResult.Pass($"{workflow.Path} runs on releases or tags", new Citation(workflow.Path, Yaml.Line(trigger)));
            }
        }

        var step = context.Ci.Steps.FirstOrDefault(s => CiSearch.Uses(s, Actions) || CiSearch.Runs(s, Tools));
        if (step is not null)
        {
            return ProbeResult.Pass($"a CI step releases ({step.Cite()})", step.Cite());
        }

        string? config = Configs.FirstOrDefault(c => context.ReadText(c) is not null);
        return config is not null
            ? ProbeResult.Pass($"release tooling is configured ({config})", new Citation(config, 0))
            : ProbeResult.Fail("no release workflow, release step or release tool config");
    }
}
