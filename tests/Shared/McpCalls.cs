using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Punchlist.Tests.Shared;

/// <summary>
/// Tool calls through the SDK's own client, whatever carries them: linked into the CLI's tests
/// (`punch mcp` over standard input and output) and the server's (`/mcp` over HTTP), so that both
/// judge a call's success, failure and structured result the same way.
/// </summary>
internal static class McpCalls
{
    public static async Task<CallToolResult> Call(this McpClient client, string tool, params (string Name, object? Value)[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        return await client.CallToolAsync(tool, arguments.ToDictionary(a => a.Name, a => a.Value), cancellationToken: timeout.Token);
    }

    /// <summary>Calls a tool that must succeed and returns its structured result.</summary>
    public static async Task<JsonElement> Result(this McpClient client, string tool, params (string Name, object? Value)[] arguments)
    {
        var result = await client.Call(tool, arguments);
        Assert.True(result.IsError is not true, $"{tool} failed: {Text(result)}");
        Assert.NotNull(result.StructuredContent);
        return JsonSerializer.SerializeToElement(result.StructuredContent);
    }

    /// <summary>Calls a tool that must fail with a tool error and returns its message.</summary>
    public static async Task<string> Error(this McpClient client, string tool, params (string Name, object? Value)[] arguments)
    {
        var result = await client.Call(tool, arguments);
        Assert.True(result.IsError is true, $"{tool} succeeded: {Text(result)}");
        return Text(result);
    }

    public static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}
