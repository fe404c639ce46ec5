using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Repository;

/// <summary>A `CODEOWNERS` file (root, `.github/` or `docs/`) assigns reviewers with at least one rule.</summary>
internal sealed class CodeOwnersProbe : IProbe
{
    public ProbeInfo Info { get; } = new("repo.codeowners", "CODEOWNERS assigns reviewers", "repository",
        ProbeTerms.Any("codeowners", "code owners", "code owner", "code ownership"));

    public ProbeResult Run(ProbeContext context)
    {
        foreach (string file in RepositoryFiles.Conventional(context, "CODEOWNERS", ".gitlab/CODEOWNERS"))
        {
            var rules = TextSearch.Lines(context.ReadText(file) ?? string.Empty, ["@"]).Where(l => !l.Text.StartsWith('#')).ToList();
            if (rules.Count > 0)
            {
                return ProbeResult.Pass($"{file} has {rules.Count} rule{(rules.Count == 1 ? string.Empty : "s")}", new Citation(file, rules[0].Line, rules[0].Text));
            }

            return ProbeResult.Fail($"{file} names no owner", new Citation(file, 0));
        }

        return ProbeResult.Fail("no CODEOWNERS at the root, in .github/ or in docs/");
    }
}
