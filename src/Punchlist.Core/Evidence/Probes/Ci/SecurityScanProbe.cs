using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Ci;

/// <summary>Some security scanner runs in CI: CodeQL, Trivy, Grype, Snyk, Semgrep, OSV-Scanner, Bandit, ZAP, a secrets scanner, an audit.</summary>
internal sealed class SecurityScanProbe : IProbe
{
    private static readonly string[] Actions =
    [
        "github/codeql-action", "aquasecurity/trivy-action", "anchore/scan-action", "snyk/actions", "returntocorp/semgrep-action", "semgrep/",
        "google/osv-scanner-action", "gitleaks/gitleaks-action", "trufflesecurity/trufflehog", "zaproxy/", "actions/dependency-review-action",
        "ossf/scorecard-action", "docker/scout-action", "checkmarx/", "sonarsource/",
    ];

    private static readonly string[] Tools =
    [
        "trivy", "grype", "snyk", "semgrep", "osv-scanner", "bandit", "gitleaks", "trufflehog", "npm audit", "yarn audit", "pnpm audit", "pip-audit",
        "safety check", "govulncheck", "cargo audit", "dotnet list package --vulnerable", "dependency-check", "docker scout", "zap-baseline",
    ];

    public ProbeInfo Info { get; } = new("ci.security-scan", "CI runs a security scanner", "ci",
        ProbeTerms.Any("security scan", "security scanning", "vulnerability scan", "vulnerability scanning", "dependency scan", "snyk", "semgrep", "dependency check",
            "cve scan", "security check", "image scan", "container scan", "container scanning", "sca").In(Scope.Ci, Scope.Docker))
    {
        Refines = ["ci.workflow"],
    };

    public ProbeResult Run(ProbeContext context) => CiSearch.Step(context,
        s => CiSearch.Uses(s, Actions) || CiSearch.Runs(s, Tools) || TextSearch.HasAny(s.Uses, ["SAST.gitlab-ci.yml", "Container-Scanning.gitlab-ci.yml", "Dependency-Scanning.gitlab-ci.yml", "Secret-Detection.gitlab-ci.yml"]),
        "a security scanner runs in CI", "no security scanning step");
}
