using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Kubernetes;

/// <summary>
/// Every container runs as non-root through a security context — `runAsNonRoot: true` or a non-zero
/// `runAsUser`, on the container or its pod — and does not allow privilege escalation.
/// </summary>
internal sealed class SecurityContextProbe : IProbe
{
    public ProbeInfo Info { get; } = new("k8s.security-context", "Kubernetes containers run non-root via securityContext", "kubernetes",
        ProbeTerms.Any("security context", "securitycontext", "pod security", "nonroot", "run as non root", "runasnonroot", "privilege escalation", "read only root filesystem").In(Scope.Kubernetes, Scope.Helm));

    public ProbeResult Run(ProbeContext context) => KubeSearch.EveryContainer(context, (workload, container) =>
    {
        var own = Yaml.Get(container, "securityContext");
        var pod = Yaml.Get(workload.PodSpec, "securityContext");
        if (workload.Templated && (own ?? pod) is not null)
        {
            return (true, own ?? pod);
        }

        bool nonRoot = NonRoot(own) ?? NonRoot(pod) ?? false;
        bool escalation = Yaml.Scalar(Yaml.Get(own, "allowPrivilegeEscalation")) is "true";
        return (nonRoot && !escalation, own ?? pod);
    }, "runs as non-root", "may run as root");

    private static bool? NonRoot(YamlDotNet.RepresentationModel.YamlNode? securityContext)
    {
        if (Yaml.Scalar(Yaml.Get(securityContext, "runAsNonRoot")) is { } flag)
        {
            return flag == "true";
        }

        return Yaml.Scalar(Yaml.Get(securityContext, "runAsUser")) is { } user ? user != "0" : null;
    }
}
