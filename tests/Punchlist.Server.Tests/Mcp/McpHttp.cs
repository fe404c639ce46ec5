using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Punchlist.Tests.Shared;
using Punchlist.Server.Tests.Support;

namespace Punchlist.Server.Tests.Mcp;

/// <summary>The SDK's own client on `/mcp` of the real server (in process), with a bearer token or none.</summary>
internal sealed class McpHttp : IAsyncDisposable
{
    private McpHttp(McpClient client) => Client = client;

    public McpClient Client { get; }

    public static async Task<McpHttp> Connect(ServerFactory factory, string? token)
    {
        var http = factory.CreateClient();
        var options = new HttpClientTransportOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = token is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        };
        var transport = new HttpClientTransport(options, http, ownsHttpClient: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var client = await McpClient.CreateAsync(transport, new McpClientOptions { DiscoverProbeTimeout = Timeout.InfiniteTimeSpan }, cancellationToken: timeout.Token);
        return new McpHttp(client);
    }

    public async Task<List<string>> ToolNames() =>
        [.. (await Client.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal)];

    public Task<CallToolResult> Call(string tool, params (string Name, object? Value)[] arguments) => Client.Call(tool, arguments);

    /// <summary>Calls a tool that must succeed and returns its structured result.</summary>
    public Task<JsonElement> Result(string tool, params (string Name, object? Value)[] arguments) => Client.Result(tool, arguments);

    /// <summary>Calls a tool that must fail with a tool error and returns its message.</summary>
    public Task<string> Error(string tool, params (string Name, object? Value)[] arguments) => Client.Error(tool, arguments);

    public static string Text(CallToolResult result) => McpCalls.Text(result);

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
