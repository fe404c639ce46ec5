using Punchlist.Evidence.Files;
using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Sources;

namespace Punchlist.Evidence.Probes.Observability;

/// <summary>
/// OpenTelemetry is configured: a collector config (`receivers`, `exporters`, `service.pipelines`),
/// an OpenTelemetry SDK among the dependencies, or `OTEL_EXPORTER_OTLP_ENDPOINT` in a Compose service.
/// </summary>
internal sealed class OpenTelemetryProbe : IProbe
{
    private static readonly string[] Manifests = ["package.json", "requirements.txt", "pyproject.toml", "go.mod", "pom.xml", "build.gradle", "build.gradle.kts", "Cargo.toml", "Gemfile", "composer.json"];

    public ProbeInfo Info { get; } = new("obs.opentelemetry", "OpenTelemetry is configured", "observability",
        ProbeTerms.Any("opentelemetry", "open telemetry", "otel", "otlp", "distributed tracing", "trace context propagation"));

    public ProbeResult Run(ProbeContext context)
    {
        foreach (string file in context.Index.Files.Where(f => ProbeContext.IsYaml(f) && RepositoryIndex.FileName(f).Contains("otel", StringComparison.OrdinalIgnoreCase)
            || RepositoryIndex.FileName(f).Contains("collector", StringComparison.OrdinalIgnoreCase) && ProbeContext.IsYaml(f)))
        {
            var root = context.Yaml(file).FirstOrDefault()?.RootNode;
            if (Yaml.Has(root, "receivers") && Yaml.Has(root, "exporters") && Yaml.Path(root, "service", "pipelines") is { } pipelines)
            {
                return ProbeResult.Pass($"OpenTelemetry Collector config ({file})", new Citation(file, Yaml.Line(pipelines)));
            }
        }

        var manifests = context.Index.Named(n => Manifests.Contains(n, StringComparer.Ordinal) || n.EndsWith(".csproj", StringComparison.Ordinal) || n.StartsWith("requirements", StringComparison.Ordinal));
        foreach (string file in manifests)
        {
            var hit = TextSearch.Lines(context.ReadText(file) ?? string.Empty, ["opentelemetry", "@opentelemetry", "go.opentelemetry.io"]).FirstOrDefault();
            if (hit.Line > 0)
            {
                return ProbeResult.Pass($"OpenTelemetry SDK in {file}", new Citation(file, hit.Line, hit.Text));
            }
        }

        var service = context.ComposeServices.FirstOrDefault(s => Yaml.Scalars(s.Get("environment")).Any(v => v.Text.Contains("OTEL_EXPORTER_OTLP", StringComparison.Ordinal) || v.Key?.StartsWith("OTEL_EXPORTER_OTLP", StringComparison.Ordinal) == true));
        return service is not null
            ? ProbeResult.Pass($"Compose service {service.Name} exports OTLP", service.Cite())
            : ProbeResult.Fail("no OpenTelemetry Collector config, SDK dependency or OTLP endpoint");
    }
}
