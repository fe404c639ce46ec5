using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Ci;

/// <summary>The workspace has a CI pipeline: a GitHub Actions workflow, `.gitlab-ci.yml`, a Jenkinsfile or another CI's config.</summary>
internal sealed class WorkflowProbe : IProbe
{
    public ProbeInfo Info { get; } = new("ci.workflow", "A CI pipeline exists", "ci",
        ProbeTerms.Any("ci", "cicd", "continuous integration", "github action", "ci pipeline", "ci workflow", "build pipeline", "gitlab ci", "jenkins").Only(Scope.Ci));

    public ProbeResult Run(ProbeContext context)
    {
        var files = context.Ci.Files;
        return files.Count > 0
            ? ProbeResult.Pass($"CI pipelines: {string.Join(", ", files.Take(3).Select(f => f.Path))}{(files.Count > 3 ? " …" : string.Empty)}", files.Select(f => new Citation(f.Path, 0)))
            : ProbeResult.Fail("no CI pipeline in the workspace (.github/workflows/*.yml, .gitlab-ci.yml, Jenkinsfile …)");
    }
}
