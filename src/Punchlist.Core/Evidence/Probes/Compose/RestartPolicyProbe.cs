using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Compose;

/// <summary>Every Compose service restarts on its own: `restart:` other than `no`, or `deploy.restart_policy`.</summary>
internal sealed class RestartPolicyProbe : IProbe
{
    public ProbeInfo Info { get; } = new("compose.restart-policy", "Compose services have restart policies", "compose",
        ProbeTerms.Groups(["restart"], ["policy", "always", "unless stopped", "on failure", "automatic", "auto"]).In(Scope.Compose, Scope.Docker));

    public ProbeResult Run(ProbeContext context) => ComposeServices.Every(context, service =>
    {
        var restart = service.Get("restart");
        var policy = Yaml.Path(service.Node, "deploy", "restart_policy");
        bool ok = (Yaml.Scalar(restart) is { } value && value is not ("no" or "\"no\"")) || policy is not null;
        return (ok, restart ?? policy);
    }, "has a restart policy", "no restart policy");
}
