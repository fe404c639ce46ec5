using Punchlist.Server.Tests.Operations;
using Punchlist.Storage.Postgres;
using Punchlist.Tests.Support;

namespace Punchlist.Server.Tests.Team;

public sealed class TeamMetricsTests : IAsyncLifetime
{
    private readonly TeamServer _server = new(TeamServer.NewDatabase());
    private readonly SampleRepository _api = new("acme/api");
    private string _token = null!;

    public async Task InitializeAsync() => (_, _token) = await _server.Store.Tokens.AddAsync("acme/api", TokenScope.Push);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _api.Dispose();
    }

    [Fact]
    public async Task Metrics_count_each_repositorys_items_and_the_pushes_and_pass_promtool()
    {
        var push = _api.Push();
        await _server.PushAsync(push, _token);
        await _server.PushAsync(push, _token);
        await _server.PushAsync(push, "plt_guessed");

        string text = await _server.CreateClient().GetStringAsync("/metrics");

        var status = _api.Status();
        var list = System.Text.Json.JsonSerializer.Deserialize(Support.Cli.Json(_api.Root, "list"), Punchlist.Json.PunchJson.Context.ItemsJson)!.Items;
        int openP0 = list.Count(i => i.State == "open" && i.Priority == "P0");
        Assert.True(openP0 > 0);
        Assert.Contains($"punchlist_team_items{{repository=\"acme/api\",state=\"open\",priority=\"P0\"}} {openP0}", text, StringComparison.Ordinal);
        Assert.Contains("punchlist_team_repositories 1", text, StringComparison.Ordinal);
        Assert.Contains("punchlist_team_pushes_total{outcome=\"head\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("punchlist_team_pushes_total{outcome=\"repeated\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("punchlist_team_pushes_total{outcome=\"refused\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("punchlist_team_push_duration_seconds_count 2", text, StringComparison.Ordinal);
        // The new head's push built the overview for read-your-push; the repeated one stored nothing and built nothing.
        Assert.Contains("punchlist_team_overview_build_duration_seconds_count 1", text, StringComparison.Ordinal);
        Assert.Contains("http_requests_received_total", text, StringComparison.Ordinal);
        long items = text.Split('\n').Where(l => l.StartsWith("punchlist_team_items{", StringComparison.Ordinal)).Sum(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(status.Totals.Items.Total, items);

        string file = Path.Combine(_api.Root, "metrics.txt");
        File.WriteAllText(file, text);
        var (exit, output, error) = Processes.Run("sh", ["-c", $"'{Promtool.Path}' check metrics < '{file}'"], timeoutSeconds: 60);
        Assert.True(exit == 0, $"promtool check metrics failed ({exit}):\n{output}\n{error}");
    }
}
