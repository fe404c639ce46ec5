using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Repository;

/// <summary>Git hooks are configured: a `.pre-commit-config.yaml` with at least one hook (or Husky, Lefthook).</summary>
internal sealed class PreCommitProbe : IProbe
{
    public ProbeInfo Info { get; } = new("repo.pre-commit", "Pre-commit hooks are configured", "repository",
        ProbeTerms.Any("pre commit", "precommit", "git hook", "commit hook", "husky", "lefthook"));

    public ProbeResult Run(ProbeContext context)
    {
        foreach (string config in context.Index.Named(n => n is ".pre-commit-config.yaml" or ".pre-commit-config.yml").OrderBy(p => p.Count(c => c == '/')))
        {
            var repos = Yaml.Items(Yaml.Get(context.Yaml(config).FirstOrDefault()?.RootNode, "repos")).ToList();
            var hooks = repos.SelectMany(r => Yaml.Items(Yaml.Get(r, "hooks"))).ToList();
            if (hooks.Count > 0)
            {
                return ProbeResult.Pass($"{config} runs {hooks.Count} hook{(hooks.Count == 1 ? string.Empty : "s")}", new Citation(config, Yaml.Line(hooks[0])));
            }
        }

        string? other = context.Index.Files.FirstOrDefault(f => f.StartsWith(".husky/", StringComparison.Ordinal) && !f.Contains("/_/", StringComparison.Ordinal))
            ?? context.Index.Files.FirstOrDefault(f => f is "lefthook.yml" or "lefthook.yaml" or ".lefthook.yml");
        return other is not null
            ? ProbeResult.Pass($"git hooks are configured ({other})", new Citation(other, 0))
            : ProbeResult.Fail("no .pre-commit-config.yaml with hooks (nor Husky or Lefthook)");
    }
}
