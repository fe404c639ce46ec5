using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Kubernetes;

/// <summary>A PodDisruptionBudget keeps workloads up through node drains.</summary>
internal sealed class DisruptionBudgetProbe : IProbe
{
    public ProbeInfo Info { get; } = new("k8s.pdb", "PodDisruptionBudgets protect the workloads", "kubernetes",
        ProbeTerms.Any("pod disruption budget", "pdb", "disruption budget").In(Scope.Kubernetes, Scope.Helm));

    public ProbeResult Run(ProbeContext context) => KubeSearch.Kind(context, "disruption budgets", "PodDisruptionBudget");
}
