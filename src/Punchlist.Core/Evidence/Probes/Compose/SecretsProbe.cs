using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Compose;

/// <summary>
/// Compose hands credentials over as secrets: some service mounts `secrets:`, and no service writes
/// a password, token or key literally into `environment` (`${VAR}` references are fine).
/// </summary>
internal sealed class SecretsProbe : IProbe
{
    private static readonly string[] Sensitive = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY"];

    public ProbeInfo Info { get; } = new("compose.secrets", "Compose passes credentials as secrets", "compose",
        ProbeTerms.Any("secret management", "secrets management", "docker secret", "compose secret", "secret handling", "manage secret", "credential").Only(Scope.Compose, Scope.Docker));

    public ProbeResult Run(ProbeContext context)
    {
        var services = context.ComposeServices.ToList();
        if (services.Count == 0)
        {
            return ProbeResult.NotApplicable("no Compose service in the workspace");
        }

        var literal = new List<Citation>();
        foreach (var service in services)
        {
            foreach (var (key, value, line) in Variables(service))
            {
                if (Sensitive.Any(s => key.Contains(s, StringComparison.OrdinalIgnoreCase)) && value.Length > 0 && !value.Contains('$', StringComparison.Ordinal)
                    && !key.EndsWith("_FILE", StringComparison.OrdinalIgnoreCase))
                {
                    literal.Add(new Citation(service.File, line, $"{service.Name}: {key}"));
                }
            }
        }

        var mounts = services.Where(s => s.Get("secrets") is not null).Select(s => s.Cite(Yaml.Line(s.Get("secrets")!))).ToList();
        if (literal.Count > 0)
        {
            return ProbeResult.Fail($"credentials written into environment: {string.Join(", ", literal.Take(3).Select(l => $"{l.Text} ({l})"))}", literal);
        }

        return mounts.Count > 0
            ? ProbeResult.Pass($"services mount secrets: {string.Join(", ", mounts.Take(3).Select(m => $"{m.Text} ({m})"))}", mounts)
            : ProbeResult.Fail("no Compose service mounts secrets", services.Take(3).Select(s => s.Cite()));
    }

    private static IEnumerable<(string Key, string Value, int Line)> Variables(ComposeService service)
    {
        var environment = service.Get("environment");
        foreach (var (key, value) in Yaml.Entries(environment))
        {
            yield return (key, Yaml.Scalar(value) ?? string.Empty, Yaml.Line(value));
        }

        foreach (var (text, line) in Yaml.Strings(environment as YamlDotNet.RepresentationModel.YamlSequenceNode))
        {
            int eq = text.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                yield return (text[..eq], text[(eq + 1)..], line);
            }
        }
    }
}
