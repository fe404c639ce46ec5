using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ModelContextProtocol;
using Punchlist.Server.Tests.Live;
using Punchlist.Server.Tests.Support;

namespace Punchlist.Server.Tests.Mcp;

/// <summary>
/// `/mcp` on `punch serve`: the tools of `punch mcp` through the SDK's client over HTTP, against the real
/// host. Reads for whoever may read; the write tools only with the write token; a token the server does
/// not know is 401. After each call, the files on disk; after a write, the pages and the live stream.
/// </summary>
public sealed class McpHttpTests(SampleServer server) : IClassFixture<SampleServer>
{
    private static readonly string[] ReadTools = ["get_item", "item_history", "list_findings", "search_items", "status", "verify_item"];

    private string Roadmap => server.Factory.Workspace.Path("ROADMAP.md");

    [Fact]
    public async Task The_write_tools_are_offered_only_with_the_write_token()
    {
        await using var anonymous = await McpHttp.Connect(server.Factory, token: null);
        Assert.Equal(ReadTools, await anonymous.ToolNames());

        await using var writer = await McpHttp.Connect(server.Factory, ServerFactory.WriteToken);
        Assert.Equal([.. ReadTools.Append("set_status").Append("tick_criterion").Order(StringComparer.Ordinal)], await writer.ToolNames());

        // Hidden is also refused: calling a write tool without the token writes nothing.
        byte[] before = File.ReadAllBytes(Roadmap);
        await Assert.ThrowsAnyAsync<McpException>(() => anonymous.Call("tick_criterion", ("address", "ROADMAP.md#MH-002"), ("criterion", "2"), ("apply", true)));
        Assert.Equal(before, File.ReadAllBytes(Roadmap));
    }

    [Fact]
    public async Task Search_and_status_answer_as_over_stdio_and_change_nothing()
    {
        var before = Snapshot();
        await using var session = await McpHttp.Connect(server.Factory, token: null);
        var page = await session.Result("search_items", ("query", "rate limit"), ("limit", 5));
        Assert.Equal("punchlist.search/1", page.GetProperty("schema").GetString());
        Assert.Equal("ROADMAP.md#MH-002", page.GetProperty("results")[0].GetProperty("address").GetString());

        var status = await session.Result("status");
        var cli = JsonDocument.Parse(Cli.Json(server.Factory.Workspace.Root, "status")).RootElement;
        Assert.True(JsonElement.DeepEquals(cli.GetProperty("totals"), status.GetProperty("totals")), $"{cli.GetProperty("totals")}\n{status.GetProperty("totals")}");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_tick_previews_without_apply_writes_one_character_with_it_and_the_pages_and_live_stream_see_it()
    {
        byte[] original = File.ReadAllBytes(Roadmap);
        await using var session = await McpHttp.Connect(server.Factory, ServerFactory.WriteToken);
        var preview = await session.Result("tick_criterion", ("address", "ROADMAP.md#MH-002"), ("criterion", "2"));
        Assert.False(preview.GetProperty("applied").GetBoolean());
        Assert.Contains("+- [x] 429 responses carry `Retry-After`", preview.GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllBytes(Roadmap));

        using var stream = await EventStream.OpenAsync(server.Client);
        await stream.NextAsync(e => e.Type == "hello");
        var applied = await session.Result("tick_criterion", ("address", "ROADMAP.md#MH-002"), ("criterion", "2"), ("apply", true),
            ("expected_hash", preview.GetProperty("documentHash").GetString()));
        Assert.True(applied.GetProperty("applied").GetBoolean());
        byte[] now = File.ReadAllBytes(Roadmap);
        int at = Assert.Single(Enumerable.Range(0, now.Length), i => now[i] != original[i]);
        Assert.Equal(original.Length, now.Length);
        Assert.Equal((byte)'x', now[at]);

        // The server rescanned it: the live stream names it and the API reads it ticked.
        await stream.NextAsync(e => e.Type == "scan" && e.Data.Contains("ROADMAP.md", StringComparison.Ordinal));
        var item = await server.Client.GetFromJsonAsync<JsonElement>("/api/v1/items/ROADMAP.md%23MH-002");
        Assert.True(item.GetProperty("criteriaList")[1].GetProperty("checked").GetBoolean());

        // And back: the file is as it was.
        var undone = await session.Result("tick_criterion", ("address", "ROADMAP.md#MH-002"), ("criterion", "2"), ("done", false), ("apply", true));
        Assert.True(undone.GetProperty("applied").GetBoolean());
        Assert.Equal(original, File.ReadAllBytes(Roadmap));
    }

    [Fact]
    public async Task A_file_changed_since_the_preview_is_never_overwritten()
    {
        byte[] original = File.ReadAllBytes(Roadmap);
        await using var session = await McpHttp.Connect(server.Factory, ServerFactory.WriteToken);
        var preview = await session.Result("set_status", ("address", "ROADMAP.md#MH-002"), ("status", "blocked"));
        try
        {
            string edited = Encoding.UTF8.GetString(original) + "\n<!-- edited by hand -->\n";
            File.WriteAllText(Roadmap, edited);
            string error = await session.Error("set_status", ("address", "ROADMAP.md#MH-002"), ("status", "blocked"), ("apply", true),
                ("expected_hash", preview.GetProperty("documentHash").GetString()));
            Assert.StartsWith("ROADMAP.md: changed on disk since it was read", error, StringComparison.Ordinal);
            Assert.Equal(edited, File.ReadAllText(Roadmap));
        }
        finally
        {
            File.WriteAllBytes(Roadmap, original);
        }
    }

    [Fact]
    public async Task An_unknown_address_is_one_sentence_as_a_tool_error_and_nothing_is_written()
    {
        var before = Snapshot();
        await using var session = await McpHttp.Connect(server.Factory, ServerFactory.WriteToken);
        Assert.Equal("no item 'ROADMAP.md#ZZ-404'", await session.Error("get_item", ("address", "ROADMAP.md#ZZ-404")));
        Assert.Equal("no item 'ROADMAP.md#ZZ-404'", await session.Error("tick_criterion", ("address", "ROADMAP.md#ZZ-404"), ("criterion", "1"), ("apply", true)));
        Assert.Equal(before, Snapshot());
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData(ServerFactory.WriteToken + "x")]
    public async Task A_token_the_server_does_not_know_is_401_with_a_problem(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = Initialize() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => McpHttp.Connect(server.Factory, token));
    }

    [Fact]
    public async Task A_body_over_the_servers_limit_is_413_before_it_is_read()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_items","arguments":{"query":""" + '"' + new string('a', 32 * 1024) + "\"}}}",
                Encoding.UTF8, "application/json"),
        };
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private Dictionary<string, byte[]> Snapshot() => Directory.GetFiles(server.Factory.Workspace.Root, "*.md", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(server.Factory.Workspace.Root, f), File.ReadAllBytes);

    internal static StringContent Initialize() => new(
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""",
        Encoding.UTF8, "application/json");
}
