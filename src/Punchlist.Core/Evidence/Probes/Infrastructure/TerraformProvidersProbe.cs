using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Infrastructure;

/// <summary>Infrastructure is code: Terraform files whose `required_providers` pin every provider's version.</summary>
internal sealed class TerraformProvidersProbe : IProbe
{
    public ProbeInfo Info { get; } = new("iac.terraform-providers", "Terraform pins its providers", "infrastructure",
        ProbeTerms.Any("infrastructure as code", "iac", "terraform", "opentofu", "terraform provider", "provider version").In(Scope.Terraform));

    public ProbeResult Run(ProbeContext context)
    {
        var files = TerraformFiles.All(context);
        if (files.Count == 0)
        {
            return ProbeResult.Fail("no Terraform files (*.tf) in the workspace");
        }

        var providers = TerraformFiles.Providers(context).ToList();
        if (providers.Count == 0)
        {
            return ProbeResult.Fail($"{files.Count} Terraform file{(files.Count == 1 ? string.Empty : "s")} but no required_providers block", new Citation(files[0], 0));
        }

        var good = providers.Where(p => p.Pinned).Select(p => new Citation(p.File, p.Line, p.Provider)).ToList();
        var bad = providers.Where(p => !p.Pinned).Select(p => new Citation(p.File, p.Line, p.Provider)).ToList();
        return ProbeResult.AllOf(good, bad, "Terraform provider", "has a version constraint", "provider without a version");
    }
}
