using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Repository;

/// <summary>A security policy tells people how to report vulnerabilities: `SECURITY.md`.</summary>
internal sealed class SecurityPolicyProbe : IProbe
{
    public ProbeInfo Info { get; } = new("repo.security-policy", "SECURITY.md describes how to report vulnerabilities", "repository",
        ProbeTerms.Any("security md", "vulnerability disclosure", "security disclosure", "responsible disclosure", "report vulnerability", "report a vulnerability"));

    public ProbeResult Run(ProbeContext context) => RepositoryFiles.Exists(context, "security policy", "SECURITY.md", "SECURITY.rst", "SECURITY.txt");
}
