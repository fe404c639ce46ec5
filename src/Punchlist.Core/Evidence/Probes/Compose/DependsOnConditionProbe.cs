using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;
using YamlDotNet.RepresentationModel;

namespace Punchlist.Evidence.Probes.Compose;

/// <summary>
/// Services wait for what they depend on to be ready: every `depends_on` uses the long form with a
/// `condition` (`service_healthy`, `service_completed_successfully`). Not applicable when no service depends on another.
/// </summary>
internal sealed class DependsOnConditionProbe : IProbe
{
    public ProbeInfo Info { get; } = new("compose.depends-on-condition", "Compose depends_on waits on conditions", "compose",
        ProbeTerms.Any("depends on", "service healthy", "health aware", "startup order", "start order", "dependency condition", "wait for healthy").In(Scope.Compose, Scope.Docker));

    public ProbeResult Run(ProbeContext context)
    {
        var good = new List<Citation>();
        var bad = new List<Citation>();
        foreach (var service in context.ComposeServices)
        {
            switch (service.Get("depends_on"))
            {
                case YamlSequenceNode list:
                    bad.Add(service.Cite(Yaml.Line(list)));
                    break;
                case YamlMappingNode map:
                    var entries = Yaml.Entries(map).ToList();
                    bool all = entries.All(e => Yaml.Scalar(Yaml.Get(e.Value, "condition")) is { Length: > 0 });
                    (all ? good : bad).Add(service.Cite(Yaml.Line(map)));
                    break;
            }
        }

        return ProbeResult.AllOf(good, bad, "depends_on", "names a condition", "depends_on without a condition");
    }
}
