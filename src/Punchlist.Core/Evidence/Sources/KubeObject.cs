using YamlDotNet.RepresentationModel;

namespace Punchlist.Evidence.Sources;

/// <summary>A Kubernetes object from a manifest or a Helm template: its kind, name, node and line.</summary>
internal sealed record KubeObject(string File, string Kind, string? Name, YamlNode Node, int Line, bool Templated)
{
    private static readonly HashSet<string> Workloads = new(StringComparer.Ordinal) { "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "ReplicaSet" };

    public bool IsWorkload => Workloads.Contains(Kind);

    public string Label => Name is null ? Kind : $"{Kind}/{Name}";

    public Citation Cite(int? line = null, string? text = null) => new(File, line ?? Line, text ?? Label);

    /// <summary>The pod spec of a workload (a CronJob's inside its job template).</summary>
    public YamlNode? PodSpec => Kind switch
    {
        "Pod" => Yaml.Get(Node, "spec"),
        "CronJob" => Yaml.Path(Node, "spec", "jobTemplate", "spec", "template", "spec"),
        _ => Yaml.Path(Node, "spec", "template", "spec"),
    };

    /// <summary>The workload's containers (init containers left out: probes and limits concern the long-running ones).</summary>
    public IEnumerable<(string Name, YamlNode Node, int Line)> Containers =>
        Yaml.Items(Yaml.Get(PodSpec, "containers")).Select(c => (Yaml.Scalar(Yaml.Get(c, "name")) ?? "?", c, Yaml.Line(c)));

    public static IEnumerable<KubeObject> From(string path, IReadOnlyList<YamlDocument> documents, bool templated)
    {
        foreach (var document in documents)
        {
            if (document.RootNode is YamlMappingNode root && Yaml.Scalar(Yaml.Get(root, "apiVersion")) is not null && Yaml.Scalar(Yaml.Get(root, "kind")) is { } kind)
            {
                yield return new KubeObject(path, kind, Yaml.Scalar(Yaml.Path(root, "metadata", "name")), root, Yaml.Line(root), templated);
            }
        }
    }
}
