using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Compose;

/// <summary>Every Compose service sets `security_opt: [no-new-privileges:true]`.</summary>
internal sealed class NoNewPrivilegesProbe : IProbe
{
    public ProbeInfo Info { get; } = new("compose.no-new-privileges", "Compose services set no-new-privileges", "compose",
        ProbeTerms.Any("no new privileges", "nonewprivileges", "privilege escalation", "security opt", "security option").In(Scope.Compose, Scope.Docker));

    public ProbeResult Run(ProbeContext context) => ComposeServices.Every(context, service =>
    {
        var options = service.Get("security_opt");
        bool set = Yaml.Strings(options).Any(o => o.Text.Replace('=', ':').Trim() is "no-new-privileges" or "no-new-privileges:true");
        return (set, options);
    }, "sets no-new-privileges", "no no-new-privileges");
}
