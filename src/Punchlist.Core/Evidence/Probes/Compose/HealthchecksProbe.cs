using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Compose;

/// <summary>Every Compose service has a `healthcheck` that is not disabled.</summary>
internal sealed class HealthchecksProbe : IProbe
{
    public ProbeInfo Info { get; } = new("compose.healthchecks", "Compose services define healthchecks", "compose",
        ProbeTerms.Any("healthcheck", "health check", "health probe", "container health", "service health").Except("endpoint", "endpoints", "api").In(Scope.Compose, Scope.Docker));

    public ProbeResult Run(ProbeContext context) => ComposeServices.Every(context, service =>
    {
        var check = service.Get("healthcheck");
        bool disabled = Yaml.IsTrue(Yaml.Get(check, "disable")) || Yaml.Strings(Yaml.Get(check, "test")).Any(s => s.Text == "NONE");
        return (check is not null && !disabled, check);
    }, "has a healthcheck", "no healthcheck");
}
