using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Kubernetes;

/// <summary>A NetworkPolicy (or Cilium's) restricts traffic between pods.</summary>
internal sealed class NetworkPolicyProbe : IProbe
{
    public ProbeInfo Info { get; } = new("k8s.network-policy", "NetworkPolicies restrict pod traffic", "kubernetes",
        ProbeTerms.Groups(["network"], ["policy", "isolation", "segmentation"]).In(Scope.Kubernetes, Scope.Helm));

    public ProbeResult Run(ProbeContext context) => KubeSearch.Kind(context, "network policies", "NetworkPolicy", "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy");
}
