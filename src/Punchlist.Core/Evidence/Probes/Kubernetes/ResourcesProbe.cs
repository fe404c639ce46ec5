using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Kubernetes;

/// <summary>Every container of every workload sets `resources.requests` and `resources.limits` (a templated `resources:` counts).</summary>
internal sealed class ResourcesProbe : IProbe
{
    public ProbeInfo Info { get; } = new("k8s.resources", "Kubernetes containers set resource requests and limits", "kubernetes",
        ProbeTerms.Groups(["resource", "memory", "cpu"], ["limit", "request", "quota", "constraint"]).In(Scope.Kubernetes, Scope.Helm));

    public ProbeResult Run(ProbeContext context) => KubeSearch.EveryContainer(context, (workload, container) =>
    {
        var resources = Yaml.Get(container, "resources");
        bool ok = workload.Templated ? resources is not null : Yaml.Get(resources, "requests") is not null && Yaml.Get(resources, "limits") is not null;
        return (ok, resources);
    }, "sets requests and limits", "no resource requests/limits");
}
