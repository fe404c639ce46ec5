using Punchlist.Evidence.Files;
using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Infrastructure;

/// <summary>Terraform is organised in modules: `module "…" {` blocks, or a `modules/` folder holding `.tf` files.</summary>
internal sealed class TerraformModulesProbe : IProbe
{
    public ProbeInfo Info { get; } = new("iac.terraform-modules", "Terraform modules exist", "infrastructure",
        ProbeTerms.Any("module", "terraform module").Only(Scope.Terraform));

    public ProbeResult Run(ProbeContext context)
    {
        var files = TerraformFiles.All(context);
        var blocks = files.SelectMany(f => TextSearch.Lines(context.ReadText(f) ?? string.Empty, ["module"])
            .Where(l => l.Text.StartsWith("module \"", StringComparison.Ordinal))
            .Select(l => new Citation(f, l.Line, l.Text.TrimEnd('{', ' ')))).ToList();
        var folders = files.Where(f => RepositoryIndex.Folder(f).Split('/').Contains("modules", StringComparer.Ordinal)).Select(f => new Citation(f, 0)).ToList();
        var all = blocks.Concat(folders).ToList();
        return all.Count > 0
            ? ProbeResult.Pass($"Terraform modules: {string.Join(", ", all.Take(3).Select(c => c.Text is null ? c.ToString() : $"{c.Text} ({c})"))}", all.Take(20))
            : ProbeResult.Fail(files.Count == 0 ? "no Terraform files (*.tf) in the workspace" : "no module blocks and no modules/ folder in the Terraform files");
    }
}
