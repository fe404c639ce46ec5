using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Punchlist.Json;
using Punchlist.Server.Tests.Support;
using Punchlist.Storage.Postgres;
using Punchlist.Tests.Support;

namespace Punchlist.Server.Tests.Team;

/// <summary>
/// `punch push` end to end: the team server on real Kestrel on loopback, at a port the test picks;
/// `punch` run as a process of its own with PUNCHLIST_TOKEN in its environment, naming the repository
/// from its git remote; what it sent read back over the same socket.
/// </summary>
public sealed class TeamPushProcessTests : IAsyncLifetime
{
    private readonly TeamServer _server = new(TeamServer.NewDatabase());
    private readonly SampleRepository _api = new("acme/api");
    private string _token = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        int port = FreeLoopbackPort();
        _server.UseKestrel(port);
        _server.StartServer();
        _base = new Uri($"http://127.0.0.1:{port}");
        (_, _token) = await _server.Store.Tokens.AddAsync("acme/api", TokenScope.Push);
        Check(Processes.Run("git", ["-C", _api.Root, "remote", "add", "origin", "git@github.com:acme/api.git"], timeoutSeconds: 60));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _api.Dispose();
    }

    [Fact]
    public async Task Punch_push_as_a_process_stores_the_scan_and_the_api_serves_it_back()
    {
        var (exit, output, error) = Push(_token);

        Assert.True(exit == 0, $"punch push exited {exit}: {error}");
        Assert.StartsWith($"pushed acme/api at {_api.Commit[..12]}: ", output, StringComparison.Ordinal);
        Assert.Contains("now its head", output, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = _base };
        var repositories = JsonSerializer.Deserialize(await client.GetStringAsync("/api/v1/repositories"), PunchJson.Context.RepositoriesJson)!;
        var repository = Assert.Single(repositories.Repositories);
        Assert.Equal(("acme/api", _api.Commit, "main"), (repository.Name, repository.Commit, repository.Branch));
        var status = _api.Status();
        Assert.Equal(status.Totals.Items.Total, repository.Totals.Items.Total);
        Assert.Equal(status.Totals.Documents, repository.Totals.Documents);
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(Cli.Json(_api.Root, "status")).RootElement),
            JsonSerializer.Serialize(JsonDocument.Parse(await client.GetStringAsync("/api/v1/status/acme/api")).RootElement));

        // The same commit again: nothing new stored, the same answer.
        var (again, againOutput, _) = Push(_token);
        Assert.Equal(0, again);
        Assert.Equal(output, againOutput);
    }

    [Fact]
    public async Task A_push_with_a_bad_token_fails_with_one_line_and_stores_nothing()
    {
        var (exit, output, error) = Push("plt_not-a-token");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains("401", error, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = _base };
        Assert.Empty(JsonSerializer.Deserialize(await client.GetStringAsync("/api/v1/repositories"), PunchJson.Context.RepositoriesJson)!.Repositories);
    }

    private (int Exit, string Out, string Err) Push(string token) =>
        Processes.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "punch.dll"), "push", "--server", _base.ToString(), "--today", "2026-11-21"], _api.Root, timeoutSeconds: 180,
            new Dictionary<string, string> { ["PUNCHLIST_TOKEN"] = token, ["NO_COLOR"] = "1" });

    // Bound and released at once: free unless another process takes it in between, which on loopback in a test run it does not.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Check((int Exit, string Out, string Err) result) =>
        Assert.True(result.Exit == 0, $"exit {result.Exit}: {result.Err}");
}
