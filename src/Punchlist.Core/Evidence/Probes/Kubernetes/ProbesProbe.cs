using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Kubernetes;

/// <summary>Every container of every long-running workload has a `readinessProbe` and a `livenessProbe` (Jobs are left out).</summary>
internal sealed class ProbesProbe : IProbe
{
    public ProbeInfo Info { get; } = new("k8s.probes", "Kubernetes containers have liveness and readiness probes", "kubernetes",
        ProbeTerms.Any("liveness", "readiness", "startup probe", "health probe", "healthcheck", "health check").Except("endpoint", "endpoints", "api").In(Scope.Kubernetes, Scope.Helm));

    public ProbeResult Run(ProbeContext context) => KubeSearch.EveryContainer(context, (workload, container) =>
    {
        if (workload.Kind is "Job" or "CronJob")
        {
            return (true, null);
        }

        var readiness = Yaml.Get(container, "readinessProbe");
        var liveness = Yaml.Get(container, "livenessProbe");
        return (readiness is not null && liveness is not null, readiness ?? liveness);
    }, "has liveness and readiness probes", "missing liveness/readiness probe");
}
