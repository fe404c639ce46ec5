using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Ci;

/// <summary>Hadolint lints the Dockerfiles in CI (`hadolint/hadolint-action` or `hadolint Dockerfile`).</summary>
internal sealed class HadolintProbe : IProbe
{
    public ProbeInfo Info { get; } = new("ci.hadolint", "Hadolint lints Dockerfiles in CI", "ci",
        ProbeTerms.Any("hadolint", "dockerfile lint", "dockerfile linting", "lint dockerfile", "lint the dockerfile").In(Scope.Ci, Scope.Docker))
    {
        Refines = ["ci.workflow", "ci.lint"],
    };

    public ProbeResult Run(ProbeContext context) => CiSearch.Step(context,
        s => CiSearch.Uses(s, "hadolint/hadolint-action", "docker://hadolint/hadolint") || CiSearch.Runs(s, "hadolint"),
        "Hadolint runs in CI", "no Hadolint step");
}
