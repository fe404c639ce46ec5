using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Containers;

/// <summary>The final stage of every Dockerfile declares a `HEALTHCHECK` (not `HEALTHCHECK NONE`).</summary>
internal sealed class HealthcheckProbe : IProbe
{
    public ProbeInfo Info { get; } = new("docker.healthcheck", "Dockerfiles declare a HEALTHCHECK", "containers",
        ProbeTerms.Any("healthcheck", "health check", "health probe", "container health").Except("endpoint", "endpoints", "api").In(Scope.Docker));

    public ProbeResult Run(ProbeContext context)
    {
        var good = new List<Citation>();
        var bad = new List<Citation>();
        foreach (var file in context.Dockerfiles)
        {
            var stage = file.Final!;
            var check = stage.All("HEALTHCHECK").LastOrDefault();
            if (check is not null && !check.Arguments.StartsWith("NONE", StringComparison.OrdinalIgnoreCase))
            {
                good.Add(new Citation(file.Path, check.Line, "HEALTHCHECK"));
            }
            else
            {
                bad.Add(new Citation(file.Path, (check ?? stage.From).Line, check is null ? "no HEALTHCHECK" : "HEALTHCHECK NONE"));
            }
        }

        return ProbeResult.AllOf(good, bad, "Dockerfile", "declares a HEALTHCHECK", "no health check");
    }
}
