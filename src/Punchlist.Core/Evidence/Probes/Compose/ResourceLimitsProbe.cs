using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Compose;

/// <summary>Every Compose service caps its memory or CPU: `deploy.resources.limits`, or `mem_limit` / `cpus`.</summary>
internal sealed class ResourceLimitsProbe : IProbe
{
    public ProbeInfo Info { get; } = new("compose.resource-limits", "Compose services have resource limits", "compose",
        ProbeTerms.Groups(["resource", "memory", "cpu"], ["limit", "constraint", "reservation", "quota", "cap"]).In(Scope.Compose, Scope.Docker));

    public ProbeResult Run(ProbeContext context) => ComposeServices.Every(context, service =>
    {
        var limits = Yaml.Path(service.Node, "deploy", "resources", "limits");
        var legacy = service.Get("mem_limit") ?? service.Get("cpus");
        return (limits is not null || legacy is not null, limits ?? legacy);
    }, "has resource limits", "no resource limits");
}
