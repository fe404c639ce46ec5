using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Punchlist.Server.Tests.Support;

namespace Punchlist.Server.Tests.Security;

/// <summary>Headers and a strict Content-Security-Policy on every answer, no inline script anywhere, host names, sizes.</summary>
public sealed class SecurityTests(SampleServer server) : IClassFixture<SampleServer>
{
    private static readonly string[] Pages = ["/", "/trackers", "/trackers/ROADMAP.md", "/items?q=backup", "/items/ROADMAP.md%23MH-002", "/findings", "/signin"];

    [Fact]
    public async Task Every_page_carries_a_strict_policy_and_holds_no_inline_script_or_style()
    {
        foreach (string url in Pages)
        {
            using var response = await server.Client.GetAsync(url);
            response.EnsureSuccessStatusCode();
            string csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());

            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"{url}: inline script"));
            Assert.Empty(page.QuerySelectorAll("style"));
            Assert.DoesNotContain(page.All, e => e.HasAttribute("style"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            Assert.All(page.QuerySelectorAll("script[src], link[href]"), e => Assert.StartsWith("/", e.GetAttribute("src") ?? e.GetAttribute("href"), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_host_name_other_than_loopback_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/status");
        request.Headers.Host = "attacker.example";
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_larger_than_a_write_needs_is_refused_and_writes_nothing()
    {
        byte[] before = File.ReadAllBytes(server.Factory.Workspace.Path("ROADMAP.md"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/items/ROADMAP.md%23MH-002/status")
        {
            Content = new StringContent("{\"state\":\"done\",\"pad\":\"" + new string('x', 64 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFactory.WriteToken);
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, File.ReadAllBytes(server.Factory.Workspace.Path("ROADMAP.md")));
    }

    [Fact]
    public async Task A_query_longer_than_a_thousand_characters_is_a_bad_request()
    {
        using var response = await server.Client.GetAsync("/api/v1/items?q=" + new string('a', 1001));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>With a read token, nothing but the health checks and the sign-in page answers without it.</summary>
public sealed class ReadTokenTests : IAsyncLifetime
{
    private const string ReadToken = "test-read-token";
    private readonly ServerFactory _factory = new(new Dictionary<string, string?> { ["Punchlist:ReadToken"] = ReadToken });
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _factory.ReadyAsync();
        _client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    [Fact]
    public async Task Reads_need_the_token_as_a_bearer_or_through_the_sign_in_cookie()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("/api/v1/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("/metrics")).StatusCode);
        var page = await _client.GetAsync("/items?q=backup");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin?next=%2Fitems%3Fq%3Dbackup", page.Headers.Location!.OriginalString);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/v1/status");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadToken);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(bearer)).StatusCode);

        var wrong = await _client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "nope", ["next"] = "/" }));
        Assert.StartsWith("/signin?failed=true", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var signIn = await _client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = ReadToken, ["next"] = "//attacker.example/" }));
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/items?q=backup")).StatusCode);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A client past its rate gets 429 with Retry-After and a problem-details body.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly ServerFactory _factory = new(new Dictionary<string, string?> { ["Punchlist:RequestsPerSecond"] = "1", ["Punchlist:RequestBurst"] = "3" });

    public Task InitializeAsync() => _factory.ReadyAsync();

    [Fact]
    public async Task Requests_past_the_burst_are_refused_with_retry_after()
    {
        using var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (int i = 0; i < 10 && refused is null; i++)
        {
            var response = await client.GetAsync("/api/v1/status");
            statuses.Add(response.StatusCode);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(refused);
        Assert.True(refused!.Headers.Contains("Retry-After"));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }
}
