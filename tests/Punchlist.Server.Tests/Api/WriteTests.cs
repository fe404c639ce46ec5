using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Punchlist.Server.Tests.Support;

namespace Punchlist.Server.Tests.Api;

/// <summary>
/// Writes through the API: with the token and the item's ETag, the one edit `punch done` makes; without
/// the token 401, with a stale ETag 412, without one 428 — and in none of those is anything written.
/// </summary>
public sealed class WriteTests(SampleServer server) : IClassFixture<SampleServer>
{
    private const string Item = "/api/v1/items/ROADMAP.md%23MH-002";

    private string File_ => server.Factory.Workspace.Path("ROADMAP.md");

    [Fact]
    public async Task A_write_with_the_token_and_the_current_etag_ticks_exactly_one_character()
    {
        var (etag, number) = await OpenCriterion();
        byte[] before = File.ReadAllBytes(File_);
        using var response = await Post($"{Item}/criteria/{number}", new { @checked = true }, ServerFactory.WriteToken, etag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] after = File.ReadAllBytes(File_);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Equal(before.Length, after.Length);
        Assert.Single(changed);
        Assert.Equal((byte)'x', after[changed[0]]);

        var item = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(item.GetProperty("criteriaList")[number - 1].GetProperty("checked").GetBoolean());
        Assert.NotEqual(etag, response.Headers.ETag!.ToString());

        // And back, with the new ETag: the file is as it was.
        using var undo = await Post($"{Item}/criteria/{number}", new { @checked = false }, ServerFactory.WriteToken, response.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.Equal(before, File.ReadAllBytes(File_));
    }

    [Theory]
    [InlineData(null, "etag", 401)]
    [InlineData("wrong-token", "etag", 401)]
    [InlineData(ServerFactory.WriteToken, "\"0000\"", 412)]
    [InlineData(ServerFactory.WriteToken, null, 428)]
    public async Task A_write_without_the_token_or_with_a_stale_or_no_etag_is_refused_and_writes_nothing(string? token, string? etag, int status)
    {
        var (current, number) = await OpenCriterion();
        byte[] before = File.ReadAllBytes(File_);
        using var response = await Post($"{Item}/criteria/{number}", new { @checked = true }, token, etag == "etag" ? current : etag);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, File.ReadAllBytes(File_));
    }

    [Fact]
    public async Task A_server_without_a_token_refuses_every_write()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Punchlist:Token"] = string.Empty });
        await factory.ReadyAsync();
        using var client = factory.CreateClient();
        using var item = await client.GetAsync(Item);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Item}/status") { Content = JsonContent.Create(new { state = "done" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFactory.WriteToken);
        request.Headers.TryAddWithoutValidation("If-Match", item.Headers.ETag!.ToString());
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(problem.GetProperty("writable").GetBoolean());
    }

    [Fact]
    public async Task A_status_other_than_done_or_open_is_a_bad_request()
    {
        var (etag, _) = await OpenCriterion();
        using var response = await Post($"{Item}/status", new { state = "blocked" }, ServerFactory.WriteToken, etag);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<(string ETag, int Number)> OpenCriterion()
    {
        using var response = await server.Client.GetAsync(Item);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        int number = json.GetProperty("criteriaList").EnumerateArray().First(c => !c.GetProperty("checked").GetBoolean()).GetProperty("number").GetInt32();
        return (response.Headers.ETag!.ToString(), number);
    }

    private async Task<HttpResponseMessage> Post(string url, object body, string? token, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await server.Client.SendAsync(request);
    }
}
