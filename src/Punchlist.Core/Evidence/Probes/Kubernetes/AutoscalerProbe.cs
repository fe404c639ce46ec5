using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Kubernetes;

/// <summary>A HorizontalPodAutoscaler (or a KEDA ScaledObject) scales some workload.</summary>
internal sealed class AutoscalerProbe : IProbe
{
    public ProbeInfo Info { get; } = new("k8s.hpa", "A HorizontalPodAutoscaler scales the workloads", "kubernetes",
        ProbeTerms.Any("hpa", "horizontal pod autoscaler", "autoscaler", "autoscaling", "auto scaling", "autoscale", "auto scale").In(Scope.Kubernetes, Scope.Helm));

    public ProbeResult Run(ProbeContext context) => KubeSearch.Kind(context, "autoscalers", "HorizontalPodAutoscaler", "ScaledObject");
}
