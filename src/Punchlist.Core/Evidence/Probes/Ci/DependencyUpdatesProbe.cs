using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Ci;

/// <summary>Dependencies are updated by a bot: `.github/dependabot.yml` with at least one update entry, or a Renovate config.</summary>
internal sealed class DependencyUpdatesProbe : IProbe
{
    private static readonly string[] Renovate = ["renovate.json", "renovate.json5", ".renovaterc", ".renovaterc.json", ".github/renovate.json", ".github/renovate.json5", ".gitlab/renovate.json"];

    public ProbeInfo Info { get; } = new("deps.updates", "Dependabot or Renovate updates dependencies", "ci",
        // Not the dependencies between tasks (a task graph's "updates dependencies"), which trackers of
        // work talk about as often as of packages.
        ProbeTerms.Any("dependabot", "renovate", "dependency update", "automated dependency", "dependency upgrade", "update dependencies", "upgrade dependencies", "dependency bot")
            .Except("task", "dependents", "dependees", "sequence", "graph").In(Scope.Ci));

    public ProbeResult Run(ProbeContext context)
    {
        foreach (string path in new[] { ".github/dependabot.yml", ".github/dependabot.yaml" })
        {
            var root = context.Yaml(path).FirstOrDefault()?.RootNode;
            if (root is null)
            {
                continue;
            }

            var updates = Yaml.Items(Yaml.Get(root, "updates")).ToList();
            return updates.Count > 0
                ? ProbeResult.Pass($"Dependabot updates {string.Join(", ", updates.Select(u => Yaml.Scalar(Yaml.Get(u, "package-ecosystem")) ?? "?"))} ({path}:{Yaml.Line(updates[0])})",
                    updates.Select(u => new Citation(path, Yaml.Line(u))))
                : ProbeResult.Fail($"{path} lists no updates", new Citation(path, Yaml.Line(root)));
        }

        var renovate = Renovate.FirstOrDefault(p => context.ReadText(p) is not null);
        if (renovate is not null)
        {
            return ProbeResult.Pass($"Renovate is configured ({renovate})", new Citation(renovate, 0));
        }

        return context.ReadText("package.json") is { } package && TextSearch.Has(package, "\"renovate\"")
            ? ProbeResult.Pass("Renovate is configured in package.json", new Citation("package.json", 0))
            : ProbeResult.Fail("no .github/dependabot.yml and no Renovate config");
    }
}
