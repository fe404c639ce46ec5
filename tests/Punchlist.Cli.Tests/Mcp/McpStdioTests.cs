using System.Diagnostics;
using System.Text.Json;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Mcp;

/// <summary>`punch mcp`'s standard output, read raw: JSON-RPC messages and nothing else, whatever the calls do.</summary>
public sealed class McpStdioTests
{
    [Fact]
    public async Task Standard_output_carries_the_protocol_only_and_the_server_ends_with_its_input()
    {
        using var workspace = new TempWorkspace().CopyFrom(Path.Combine(Repo.Root, "samples"));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workspace.Root,
        };
        foreach (string argument in new[] { McpSession.Dll, "mcp", "--today", McpSession.Today, "--verbose" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        async Task<JsonElement> Ask(int id, string method, string parameters)
        {
            await process.StandardInput.WriteLineAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{parameters}}}""");
            await process.StandardInput.FlushAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                string line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the server closed its output");
                lines.Add(line);
                using var message = JsonDocument.Parse(line);
                if (message.RootElement.TryGetProperty("id", out var got) && got.GetInt32() == id)
                {
                    return message.RootElement.Clone();
                }
            }
        }

        await Ask(1, "initialize", """{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}""");
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        var tools = await Ask(2, "tools/list", "{}");
        var bad = await Ask(3, "tools/call", """{"name":"search_items","arguments":{"query":"due:<someday"}}""");
        var status = await Ask(4, "tools/call", """{"name":"status","arguments":{}}""");
        var tick = await Ask(5, "tools/call", """{"name":"tick_criterion","arguments":{"address":"MH-002","criterion":"2"}}""");
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the server did not end when its input closed");
        lines.AddRange((await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(0, process.ExitCode);
        Assert.All(lines, line =>
        {
            using var message = JsonDocument.Parse(line);
            Assert.Equal("2.0", message.RootElement.GetProperty("jsonrpc").GetString());
        });
        Assert.Equal(8, tools.GetProperty("result").GetProperty("tools").GetArrayLength());
        Assert.True(bad.GetProperty("result").GetProperty("isError").GetBoolean());
        Assert.Equal("malformed query at column 6: 'someday' is not a date (YYYY-MM-DD, today, yesterday, tomorrow, this-week, next-week, last-week, this-month)",
            bad.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("punchlist.status/1", status.GetProperty("result").GetProperty("structuredContent").GetProperty("schema").GetString());

        // The text content is the structured result itself, for clients that read only text.
        string text = tick.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString()!;
        using (var parsed = JsonDocument.Parse(text))
        {
            Assert.True(JsonElement.DeepEquals(parsed.RootElement, tick.GetProperty("result").GetProperty("structuredContent")));
        }

        // The logs (--verbose) went to standard error.
        Assert.Contains("tools/call", await errors, StringComparison.Ordinal);
    }
}
