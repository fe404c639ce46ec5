using System.Net;
using ModelContextProtocol;
using Punchlist.Server.Tests.Support;

namespace Punchlist.Server.Tests.Mcp;

/// <summary>`/mcp` on servers configured otherwise: with no write token (read-only), with a read token, with a small write allowance.</summary>
public sealed class McpHttpAccessTests
{
    [Fact]
    public async Task Without_a_write_token_the_mcp_is_read_only_and_even_the_would_be_token_is_refused()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Punchlist:Token"] = string.Empty });
        await factory.ReadyAsync();
        string roadmap = factory.Workspace.Path("ROADMAP.md");
        byte[] before = File.ReadAllBytes(roadmap);

        await using var session = await McpHttp.Connect(factory, token: null);
        var names = await session.ToolNames();
        Assert.DoesNotContain("tick_criterion", names);
        Assert.DoesNotContain("set_status", names);
        Assert.Contains("search_items", names);
        await Assert.ThrowsAnyAsync<McpException>(() => session.Call("set_status", ("address", "ROADMAP.md#MH-002"), ("status", "done"), ("apply", true)));

        // A server with no token knows none: one presented is a misconfigured client, told so.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => McpHttp.Connect(factory, ServerFactory.WriteToken));
        Assert.Equal(before, File.ReadAllBytes(roadmap));
    }

    [Fact]
    public async Task With_a_read_token_reading_needs_it_and_writing_needs_the_write_token()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Punchlist:ReadToken"] = "test-read-token" });
        await factory.ReadyAsync();
        using var client = factory.CreateClient();

        using var anonymous = await client.PostAsync("/mcp", McpHttpTests.Initialize());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => McpHttp.Connect(factory, token: null));

        await using var reader = await McpHttp.Connect(factory, "test-read-token");
        var names = await reader.ToolNames();
        Assert.Contains("get_item", names);
        Assert.DoesNotContain("tick_criterion", names);
        var item = await reader.Result("get_item", ("address", "ROADMAP.md#MH-002"));
        Assert.Equal("Per-tenant rate limits", item.GetProperty("item").GetProperty("title").GetString());

        await using var writer = await McpHttp.Connect(factory, ServerFactory.WriteToken);
        Assert.Contains("tick_criterion", await writer.ToolNames());
    }

    [Fact]
    public async Task Writes_through_mcp_and_the_api_share_one_allowance_and_previews_spend_none()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Punchlist:WritesPerMinute"] = "2" });
        await factory.ReadyAsync();
        string roadmap = factory.Workspace.Path("ROADMAP.md");
        await using var session = await McpHttp.Connect(factory, ServerFactory.WriteToken);

        for (int i = 0; i < 3; i++)
        {
            await session.Result("tick_criterion", ("address", "ROADMAP.md#MH-002"), ("criterion", "2"));
        }

        await session.Result("tick_criterion", ("address", "ROADMAP.md#MH-002"), ("criterion", "2"), ("apply", true));
        await session.Result("tick_criterion", ("address", "ROADMAP.md#MH-002"), ("criterion", "3"), ("apply", true));
        byte[] spent = File.ReadAllBytes(roadmap);
        string refusal = await session.Error("tick_criterion", ("address", "ROADMAP.md#MH-002"), ("criterion", "2"), ("done", false), ("apply", true));
        Assert.StartsWith("Too many writes from this client", refusal, StringComparison.Ordinal);
        Assert.Equal(spent, File.ReadAllBytes(roadmap));

        // The API's writes draw on the same allowance: 429 before the token or the ETag is even looked at.
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/v1/items/ROADMAP.md%23MH-002/status", System.Net.Http.Json.JsonContent.Create(new { state = "done" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(spent, File.ReadAllBytes(roadmap));
    }
}
