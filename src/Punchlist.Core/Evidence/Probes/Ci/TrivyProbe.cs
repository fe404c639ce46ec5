using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Ci;

/// <summary>Trivy scans images or the file system in CI (`aquasecurity/trivy-action` or `trivy image|fs|config`).</summary>
internal sealed class TrivyProbe : IProbe
{
    public ProbeInfo Info { get; } = new("ci.trivy", "Trivy scans for vulnerabilities in CI", "ci",
        ProbeTerms.Any("trivy").In(Scope.Ci, Scope.Docker, Scope.Kubernetes))
    {
        Refines = ["ci.workflow", "ci.security-scan"],
    };

    public ProbeResult Run(ProbeContext context) => CiSearch.Step(context,
        s => CiSearch.Uses(s, "aquasecurity/trivy-action", "aquasecurity/setup-trivy", "aquasec/trivy") || CiSearch.Runs(s, "trivy"),
        "Trivy runs in CI", "no Trivy step");
}
