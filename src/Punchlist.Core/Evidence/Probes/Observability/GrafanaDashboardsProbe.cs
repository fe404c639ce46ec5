using System.Text.Json;
using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Observability;

/// <summary>Grafana dashboards are kept as code: JSON files whose object (or its `dashboard`) has `panels`.</summary>
internal sealed class GrafanaDashboardsProbe : IProbe
{
    public ProbeInfo Info { get; } = new("obs.grafana-dashboards", "Grafana dashboards are committed", "observability",
        ProbeTerms.Any("dashboard", "grafana").Only(Scope.Grafana));

    public ProbeResult Run(ProbeContext context)
    {
        var dashboards = new List<Citation>();
        foreach (string file in context.Index.Files.Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Take(5_000))
        {
            string? text = context.ReadText(file);
            if (text is null || !text.Contains("\"panels\"", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                var root = json.RootElement;
                var board = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("dashboard", out var inner) ? inner : root;
                if (board.ValueKind == JsonValueKind.Object && board.TryGetProperty("panels", out var panels) && panels.ValueKind == JsonValueKind.Array)
                {
                    dashboards.Add(new Citation(file, 0, board.TryGetProperty("title", out var title) ? title.ToString() : null));
                }
            }
            catch (JsonException)
            {
                // not a dashboard
            }
        }

        return dashboards.Count > 0
            ? ProbeResult.Pass($"{dashboards.Count} Grafana dashboard{(dashboards.Count == 1 ? string.Empty : "s")}, e.g. {dashboards[0]}", dashboards.Take(20))
            : ProbeResult.Fail("no Grafana dashboard JSON (an object with \"panels\") in the workspace");
    }
}
