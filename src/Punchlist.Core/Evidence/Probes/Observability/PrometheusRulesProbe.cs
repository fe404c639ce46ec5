using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;
using YamlDotNet.RepresentationModel;

namespace Punchlist.Evidence.Probes.Observability;

/// <summary>
/// Prometheus alerting or recording rules: a YAML file of `groups:` whose `rules:` hold `alert:` or
/// `record:` entries (or a PrometheusRule object). Not applicable when the workspace has no Prometheus at all.
/// </summary>
internal sealed class PrometheusRulesProbe : IProbe
{
    public ProbeInfo Info { get; } = new("obs.prometheus-rules", "Prometheus alerting rules are defined", "observability",
        ProbeTerms.Groups(["alert", "alerting", "recording", "slo"], ["rule", "threshold"]).In(Scope.Prometheus, Scope.Grafana, Scope.Kubernetes));

    public ProbeResult Run(ProbeContext context)
    {
        var rules = new List<Citation>();
        bool prometheus = context.ComposeServices.Any(s => Yaml.Scalar(s.Get("image"))?.Contains("prometheus", StringComparison.OrdinalIgnoreCase) == true);
        foreach (string file in context.Index.Files.Where(ProbeContext.IsYaml).Take(5_000))
        {
            foreach (var document in context.Yaml(file))
            {
                var root = document.RootNode;
                prometheus |= Yaml.Get(root, "scrape_configs") is not null || Yaml.Scalar(Yaml.Get(root, "kind")) == "PrometheusRule";
                var groups = Yaml.Get(root, "groups") ?? Yaml.Path(root, "spec", "groups");
                foreach (var rule in Yaml.Items(groups).SelectMany(g => Yaml.Items(Yaml.Get(g, "rules"))))
                {
                    if (Yaml.Scalar(Yaml.Get(rule, "alert") ?? Yaml.Get(rule, "record")) is { } name)
                    {
                        rules.Add(new Citation(file, Yaml.Line(rule), name));
                    }
                }
            }
        }

        if (rules.Count > 0)
        {
            return ProbeResult.Pass($"{rules.Count} Prometheus rule{(rules.Count == 1 ? string.Empty : "s")}, e.g. {rules[0].Text} ({rules[0]})", rules.Take(20));
        }

        return prometheus
            ? ProbeResult.Fail("Prometheus is set up but no alerting or recording rule is defined")
            : ProbeResult.NotApplicable("no Prometheus configuration in the workspace");
    }
}
