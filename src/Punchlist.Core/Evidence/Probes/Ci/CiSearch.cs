namespace Punchlist.Evidence.Probes.Ci;

/// <summary>What CI probes share: "does some pipeline step do this?", citing the step or the pipelines searched.</summary>
internal static class CiSearch
{
    public static ProbeResult Step(ProbeContext context, Func<Sources.CiStep, bool> does, string found, string missing)
    {
        var ci = context.Ci;
        if (ci.Files.Count == 0)
        {
            return ProbeResult.Fail("no CI pipeline in the workspace (.github/workflows/*.yml, .gitlab-ci.yml, Jenkinsfile …)");
        }

        var hits = ci.Steps.Where(does).ToList();
        return hits.Count > 0
            ? ProbeResult.Pass($"{found} ({hits[0].Cite()})", hits.Select(h => h.Cite()))
            : ProbeResult.Fail($"{missing} in {string.Join(", ", ci.Files.Take(3).Select(f => f.Path))}{(ci.Files.Count > 3 ? " …" : string.Empty)}",
                ci.Files.Select(f => new Citation(f.Path, 0)));
    }

    public static bool Uses(Sources.CiStep step, params string[] actions) =>
        step.Uses is { } uses && actions.Any(a => uses.StartsWith(a, StringComparison.OrdinalIgnoreCase));

    /// <summary>The step runs one of <paramref name="tools"/>, itself or through a package script it invokes.</summary>
    public static bool Runs(Sources.CiStep step, params string[] tools) => TextSearch.HasAny(step.Command, tools);
}
