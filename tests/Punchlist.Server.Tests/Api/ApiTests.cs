using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Punchlist.Server.Tests.Support;

namespace Punchlist.Server.Tests.Api;

/// <summary>The API on the real host: the CLI's JSON, byte for byte; paging; ETags; the OpenAPI document.</summary>
public sealed class ApiTests(SampleServer server) : IClassFixture<SampleServer>
{
    private string Root => server.Factory.Workspace.Root;

    [Fact]
    public async Task Status_is_what_punch_status_json_prints()
    {
        string api = await server.Client.GetStringAsync("/api/v1/status");
        Assert.Equal(Cli.Json(Root, "status", Root).TrimEnd(), api.TrimEnd());
    }

    [Fact]
    public async Task One_item_is_what_punch_show_json_prints_and_carries_its_files_etag()
    {
        using var response = await server.Client.GetAsync("/api/v1/items/ROADMAP.md%23MH-002");
        response.EnsureSuccessStatusCode();
        Assert.Equal(Cli.Json(Root, "show", "ROADMAP.md#MH-002", Root).TrimEnd(), (await response.Content.ReadAsStringAsync()).TrimEnd());
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(server.Factory.Workspace.Path("ROADMAP.md"))));
        Assert.Equal($"\"{hash}\"", response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Search_and_findings_are_what_punch_search_and_check_print()
    {
        Assert.Equal(Cli.Json(Root, "search", "backup", Root).TrimEnd(), (await server.Client.GetStringAsync("/api/v1/search?q=backup")).TrimEnd());
        Assert.Equal(Cli.Json(Root, "check", Root).TrimEnd(), (await server.Client.GetStringAsync("/api/v1/findings")).TrimEnd());
    }

    [Fact]
    public async Task Items_come_a_page_at_a_time_with_the_total_and_links_and_are_punch_list_json_together()
    {
        string list = Cli.Json(Root, "list", "is:open", Root);
        var all = JsonDocument.Parse(list).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("address").GetString()).ToList();
        var pages = new List<string?>();
        string? next = "/api/v1/items?q=is%3Aopen&limit=7";
        for (int guard = 0; next is not null && guard < 20; guard++)
        {
            using var response = await server.Client.GetAsync(next);
            response.EnsureSuccessStatusCode();
            Assert.Equal(all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Total-Count").Single());
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("punchlist.items/1", json.GetProperty("schema").GetString());
            pages.AddRange(json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("address").GetString()));
            next = response.Headers.TryGetValues("Link", out var links)
                ? links.SelectMany(l => l.Split(',')).Where(l => l.Contains("rel=\"next\"", StringComparison.Ordinal)).Select(l => l.Trim()[1..l.Trim().IndexOf('>')]).FirstOrDefault()
                : null;
        }

        Assert.True(all.Count > 7);
        Assert.Equal(all, pages);
    }

    [Fact]
    public async Task A_request_naming_the_current_etag_gets_304()
    {
        using var first = await server.Client.GetAsync("/api/v1/status");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/status");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await server.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/items?q=priority%3Ap9", 400, "malformed query at column 10")]
    [InlineData("/api/v1/items?q=%22unclosed", 400, "malformed query")]
    [InlineData("/api/v1/items?limit=0", 400, "limit is from 1 to 500")]
    [InlineData("/api/v1/items/%2Fetc%2Fpasswd%23x", 400, "not an item address")]
    [InlineData("/api/v1/items/..%2F..%2Fsecret.md%23X", 400, "not an item address")]
    [InlineData("/api/v1/items/ROADMAP.md%23NOPE-1", 404, "no item")]
    [InlineData("/api/v1/documents/nope.md", 404, "no tracker")]
    [InlineData("/api/v1/findings?severity=fatal", 400, "severity is error, warning or note")]
    public async Task Bad_input_is_a_problem_details_answer(string url, int status, string detail)
    {
        using var response = await server.Client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_is_valid_and_describes_every_api_route()
    {
        string json = await server.Client.GetStringAsync("/openapi/v1.json");
        var result = OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());
        Assert.Empty(result.Diagnostic!.Errors);
        var document = result.Document!;
        var errors = document.Validate(Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        Assert.True(errors.Count == 0, string.Join('\n', errors.Select(e => $"{e.Pointer}: {e.Message}")));
        Assert.Equal(
            ["/api/v1/documents", "/api/v1/documents/{path}", "/api/v1/evidence", "/api/v1/findings", "/api/v1/history", "/api/v1/items", "/api/v1/items/{address}",
             "/api/v1/items/{address}/criteria/{number}", "/api/v1/items/{address}/evidence", "/api/v1/items/{address}/history", "/api/v1/items/{address}/status", "/api/v1/search", "/api/v1/status"],
            document.Paths.Keys.Order(StringComparer.Ordinal));
        Assert.True(document.Components!.SecuritySchemes!.ContainsKey("bearer"));
    }
}
