using Punchlist.Evidence.Sources;
using YamlDotNet.RepresentationModel;

namespace Punchlist.Evidence.Probes.Kubernetes;

/// <summary>What Kubernetes probes share: judging every container of every workload, and finding objects of a kind.</summary>
internal static class KubeSearch
{
    public static ProbeResult EveryContainer(ProbeContext context, Func<KubeObject, YamlNode, (bool Ok, YamlNode? At)> judge, string has, string lacks)
    {
        var good = new List<Citation>();
        var bad = new List<Citation>();
        foreach (var workload in context.Kube.Where(k => k.IsWorkload))
        {
            foreach (var (name, node, line) in workload.Containers)
            {
                var (ok, at) = judge(workload, node);
                (ok ? good : bad).Add(workload.Cite(at is null ? line : Yaml.Line(at), $"{workload.Label} container {name}"));
            }
        }

        return ProbeResult.AllOf(good, bad, "workload container", has, lacks);
    }

    /// <summary>Pass when an object of one of the kinds exists; not applicable when there are no Kubernetes objects at all.</summary>
    public static ProbeResult Kind(ProbeContext context, string what, params string[] kinds)
    {
        if (context.Kube.Count == 0)
        {
            return ProbeResult.NotApplicable("no Kubernetes manifests or Helm templates in the workspace");
        }

        var found = context.Kube.Where(k => kinds.Contains(k.Kind, StringComparer.Ordinal)).Select(k => k.Cite()).ToList();
        return found.Count > 0
            ? ProbeResult.Pass($"{what}: {string.Join(", ", found.Take(3).Select(f => $"{f.Text} ({f})"))}", found)
            : ProbeResult.Fail($"no {kinds[0]} among {context.Kube.Count} Kubernetes objects", context.Kube.Where(k => k.IsWorkload).Take(3).Select(k => k.Cite()));
    }
}
