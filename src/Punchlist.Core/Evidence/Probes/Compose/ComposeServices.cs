using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Compose;

/// <summary>What Compose probes share: every service of every Compose file judged one by one, citing service and line.</summary>
internal static class ComposeServices
{
    /// <summary><paramref name="judge"/> returns whether the service has it, and the node to cite (null: the service itself).</summary>
    public static ProbeResult Every(ProbeContext context, Func<ComposeService, (bool Ok, YamlDotNet.RepresentationModel.YamlNode? At)> judge, string has, string lacks)
    {
        var good = new List<Citation>();
        var bad = new List<Citation>();
        foreach (var service in context.ComposeServices)
        {
            var (ok, at) = judge(service);
            (ok ? good : bad).Add(service.Cite(at is null ? null : Yaml.Line(at)));
        }

        return ProbeResult.AllOf(good, bad, "Compose service", has, lacks);
    }
}
