using Punchlist.Evidence.Files;
using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Kubernetes;

/// <summary>A Helm chart: a `Chart.yaml` naming the chart and its version, with templates beside it.</summary>
internal sealed class HelmChartProbe : IProbe
{
    public ProbeInfo Info { get; } = new("helm.chart", "A Helm chart with Chart.yaml and templates", "kubernetes",
        ProbeTerms.Any("helm chart", "helm", "chart yaml").In(Scope.Helm, Scope.Kubernetes));

    public ProbeResult Run(ProbeContext context)
    {
        if (context.Charts.Count == 0)
        {
            return ProbeResult.Fail("no Chart.yaml in the workspace");
        }

        var good = new List<Citation>();
        var bad = new List<Citation>();
        foreach (string chart in context.Charts)
        {
            var root = context.Yaml(chart).FirstOrDefault()?.RootNode;
            string folder = RepositoryIndex.Folder(chart);
            bool templates = context.Index.Under(folder.Length == 0 ? "templates" : folder + "/templates").Any();
            string? name = Yaml.Scalar(Yaml.Get(root, "name"));
            bool complete = name is not null && Yaml.Scalar(Yaml.Get(root, "version")) is not null && templates;
            (complete ? good : bad).Add(new Citation(chart, root is null ? 0 : Yaml.Line(root), complete ? $"chart {name}" : "no name, version or templates"));
        }

        return ProbeResult.AllOf(good, bad, "Helm chart", "has a name, a version and templates", "incomplete chart");
    }
}
