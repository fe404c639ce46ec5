using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Punchlist.Tests.Shared;

namespace Punchlist.Cli.Tests.Mcp;

/// <summary>
/// `punch mcp` started as a process of its own (the built punch.dll), spoken to over its standard
/// input and output by the SDK's own client, as an agent's MCP client does.
/// </summary>
internal sealed class McpSession : IAsyncDisposable
{
    public const string Today = "2026-11-21";

    private McpSession(McpClient client, ConcurrentQueue<string> errors)
    {
        Client = client;
        Errors = errors;
    }

    public McpClient Client { get; }

    /// <summary>What the server wrote to standard error (its logs), line by line.</summary>
    public ConcurrentQueue<string> Errors { get; }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "punch.dll");

    public static async Task<McpSession> Start(string root, params string[] options)
    {
        var errors = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "punch",
            Command = "dotnet",
            Arguments = [Dll, "mcp", "--root", root, "--today", Today, .. options],
            WorkingDirectory = root,
            StandardErrorLines = errors.Enqueue,
        });
        // A shared, loaded machine can take longer than the SDK's 5 s discovery probe to start the
        // process: the client would give the probe up (the server then logs the cancelled request) and
        // fall back to initialize. One generous limit for the whole handshake instead; speed is the
        // benchmarks' business, not these tests'.
        var clientOptions = new McpClientOptions { DiscoverProbeTimeout = Timeout.InfiniteTimeSpan, InitializationTimeout = TimeSpan.FromSeconds(180) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var client = await McpClient.CreateAsync(transport, clientOptions, cancellationToken: timeout.Token);
        return new McpSession(client, errors);
    }

    public Task<CallToolResult> Call(string tool, params (string Name, object? Value)[] arguments) => Client.Call(tool, arguments);

    /// <summary>Calls a tool that must succeed and returns its structured result.</summary>
    public Task<JsonElement> Result(string tool, params (string Name, object? Value)[] arguments) => Client.Result(tool, arguments);

    /// <summary>Calls a tool that must fail with a tool error and returns its message.</summary>
    public Task<string> Error(string tool, params (string Name, object? Value)[] arguments) => Client.Error(tool, arguments);

    public static string Text(CallToolResult result) => McpCalls.Text(result);

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
