using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Ci;

/// <summary>CI scans commits for leaked secrets: Gitleaks (or TruffleHog, detect-secrets).</summary>
internal sealed class GitleaksProbe : IProbe
{
    public ProbeInfo Info { get; } = new("ci.gitleaks", "Gitleaks (secret scanning) runs in CI", "ci",
        ProbeTerms.Any("gitleaks", "git leaks", "secret scan", "secrets scanning", "secret scanning", "secret detection", "secrets detection", "leak detection", "trufflehog").In(Scope.Ci))
    {
        Refines = ["ci.workflow", "ci.security-scan"],
    };

    public ProbeResult Run(ProbeContext context) => CiSearch.Step(context,
        s => CiSearch.Uses(s, "gitleaks/gitleaks-action", "trufflesecurity/trufflehog", "zricethezav/gitleaks") || CiSearch.Runs(s, "gitleaks", "trufflehog", "detect-secrets")
            || TextSearch.Has(s.Uses, "Secret-Detection.gitlab-ci.yml"),
        "secret scanning runs in CI", "no Gitleaks (or other secret scanning) step");
}
