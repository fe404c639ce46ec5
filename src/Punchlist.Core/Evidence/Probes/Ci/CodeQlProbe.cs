using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Ci;

/// <summary>CodeQL code scanning runs in CI (`github/codeql-action`), or GitLab's SAST template.</summary>
internal sealed class CodeQlProbe : IProbe
{
    public ProbeInfo Info { get; } = new("ci.codeql", "CodeQL (SAST) scans the code", "ci",
        ProbeTerms.Any("codeql", "code scanning", "sast").In(Scope.Ci))
    {
        Refines = ["ci.workflow", "ci.security-scan"],
    };

    public ProbeResult Run(ProbeContext context) => CiSearch.Step(context,
        s => CiSearch.Uses(s, "github/codeql-action") || TextSearch.Has(s.Uses, "SAST.gitlab-ci.yml") || CiSearch.Runs(s, "codeql database"),
        "CodeQL runs in CI", "no CodeQL step");
}
