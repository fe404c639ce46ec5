using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Compose;

/// <summary>Every Compose service runs on a read-only root filesystem (`read_only: true`).</summary>
internal sealed class ReadOnlyProbe : IProbe
{
    public ProbeInfo Info { get; } = new("compose.read-only", "Compose services run read-only", "compose",
        ProbeTerms.Any("read only", "readonly", "immutable filesystem", "read only filesystem").In(Scope.Compose, Scope.Docker));

    public ProbeResult Run(ProbeContext context) => ComposeServices.Every(context, service =>
    {
        var value = service.Get("read_only");
        return (Yaml.IsTrue(value), value);
    }, "is read_only", "not read_only");
}
