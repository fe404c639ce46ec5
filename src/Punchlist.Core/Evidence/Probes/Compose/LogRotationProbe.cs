using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Compose;

/// <summary>Every Compose service rotates its logs: `logging.options.max-size`, or a driver that ships logs away.</summary>
internal sealed class LogRotationProbe : IProbe
{
    private static readonly string[] ShippingDrivers = ["syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "gcplogs", "loki", "none"];

    public ProbeInfo Info { get; } = new("compose.log-rotation", "Compose services rotate their logs", "compose",
        ProbeTerms.Groups(["log", "logging"], ["rotation", "rotate", "max size", "maxsize"]).In(Scope.Compose, Scope.Docker));

    public ProbeResult Run(ProbeContext context) => ComposeServices.Every(context, service =>
    {
        var logging = service.Get("logging");
        bool rotated = Yaml.Path(logging, "options", "max-size") is not null
            || (Yaml.Scalar(Yaml.Get(logging, "driver")) is { } driver && ShippingDrivers.Contains(driver, StringComparer.Ordinal));
        return (rotated, logging);
    }, "rotates its logs", "no log rotation");
}
