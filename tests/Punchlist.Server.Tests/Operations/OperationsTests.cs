using Punchlist.Server.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Server.Tests.Operations;

/// <summary>Health checks, and /metrics in a form Prometheus' own checker accepts.</summary>
public sealed class OperationsTests(SampleServer server) : IClassFixture<SampleServer>
{
    [Fact]
    public async Task Health_and_readiness_answer_once_the_first_scan_is_done()
    {
        Assert.Equal("Healthy", await server.Client.GetStringAsync("/healthz"));
        Assert.Equal("Healthy", await server.Client.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Metrics_pass_promtool_and_count_items_findings_scans_and_requests()
    {
        _ = await server.Client.GetStringAsync("/items?q=backup"); // at least one counted request
        string text = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("punchlist_items{state=\"open\",priority=\"P0\"}", text, StringComparison.Ordinal);
        Assert.Contains("punchlist_tracker_items{tracker=\"ROADMAP.md\",state=\"done\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("punchlist_findings{code=\"PL004\",severity=\"error\"} 4", text, StringComparison.Ordinal);
        Assert.Contains("punchlist_scan_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("punchlist_last_scan_timestamp_seconds", text, StringComparison.Ordinal);
        Assert.Contains("http_requests_received_total", text, StringComparison.Ordinal);
        Assert.Contains("microsoft_aspnetcore_hosting_http_server_request_duration", text, StringComparison.Ordinal);

        string promtool = Promtool.Path;
        string file = Path.Combine(server.Factory.Workspace.Root, "metrics.txt");
        File.WriteAllText(file, text);
        var (exit, output, error) = Processes.Run("sh", ["-c", $"'{promtool}' check metrics < '{file}'"], timeoutSeconds: 60);
        Assert.True(exit == 0, $"promtool check metrics failed ({exit}):\n{output}\n{error}");
    }
}

/// <summary>Debian's `prometheus` package's promtool (test.sh and .ci/run install it).</summary>
internal static class Promtool
{
    public static string Path =>
        new[] { "/usr/bin/promtool", "/usr/local/bin/promtool" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("promtool is missing: install Debian's prometheus package (./test.sh does)");
}
