using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Compose;

/// <summary>Services are segmented: the Compose file declares networks and every service joins named ones (or sets `network_mode`).</summary>
internal sealed class NetworksProbe : IProbe
{
    public ProbeInfo Info { get; } = new("compose.networks", "Compose services sit on declared networks", "compose",
        ProbeTerms.Groups(["network"], ["isolation", "isolate", "segmentation", "segment", "separation", "separate"]).In(Scope.Compose, Scope.Docker));

    public ProbeResult Run(ProbeContext context)
    {
        var good = new List<Citation>();
        var bad = new List<Citation>();
        foreach (var file in context.ComposeFiles)
        {
            bool declared = Yaml.Get(file.Root, "networks") is not null;
            foreach (var service in file.Services)
            {
                var networks = service.Get("networks") ?? service.Get("network_mode");
                (declared && networks is not null ? good : bad).Add(service.Cite(networks is null ? null : Yaml.Line(networks)));
            }
        }

        return ProbeResult.AllOf(good, bad, "Compose service", "joins a declared network", "on the default network");
    }
}
