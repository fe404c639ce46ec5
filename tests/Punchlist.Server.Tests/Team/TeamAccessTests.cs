using System.Net;
using System.Text.Json;
using Punchlist.Json;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Tests.Team;

/// <summary>With a server read token, a repository's own token (read, or push) reads that repository and no other, on every page and API.</summary>
public sealed class TeamAccessTests : IAsyncLifetime
{
    private const string ServerReadToken = "server-read-token";

    private readonly TeamServer _server = new(TeamServer.NewDatabase(), ServerReadToken);
    private readonly SampleRepository _api = new("acme/api");
    private readonly SampleRepository _billing = new("acme/billing");
    private string _apiRead = null!;
    private string _apiPush = null!;

    public async Task InitializeAsync()
    {
        (_, _apiPush) = await _server.Store.Tokens.AddAsync("acme/api", TokenScope.Push);
        (_, _apiRead) = await _server.Store.Tokens.AddAsync("acme/api", TokenScope.Read);
        var (_, billing) = await _server.Store.Tokens.AddAsync("acme/billing", TokenScope.Push);
        Assert.Equal(HttpStatusCode.OK, (await _server.PushAsync(_api.Push(), _apiPush)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _server.PushAsync(_billing.Push(), billing)).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _api.Dispose();
        _billing.Dispose();
    }

    [Fact]
    public async Task A_repositorys_read_token_sees_that_repository_only()
    {
        foreach (string token in new[] { _apiRead, _apiPush })
        {
            var repositories = await Json("/api/v1/repositories", token, PunchJson.Context.RepositoriesJson);
            var overview = await Json("/api/v1/overview", token, PunchJson.Context.OverviewJson);
            var search = await Json("/api/v1/search?q=has:id&limit=1000", token, PunchJson.Context.TeamSearchJson);

            Assert.Equal(["acme/api"], repositories.Repositories.Select(r => r.Name));
            Assert.Equal(["acme/api"], overview.Repositories.Select(r => r.Name));
            Assert.All(overview.Attention, a => Assert.Equal("acme/api", a.Repository));
            Assert.Equal(_api.Status().Totals.Items.Total, overview.Totals.Items.Total);
            Assert.NotEmpty(search.Results);
            Assert.All(search.Results, r => Assert.Equal("acme/api", r.Repository));
            Assert.Equal(0, (await Json("/api/v1/search?q=repo:acme/billing", token, PunchJson.Context.TeamSearchJson)).Total);

            Assert.Equal(HttpStatusCode.OK, (await _server.GetAsync("/api/v1/status/acme/api", token)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _server.GetAsync("/api/v1/status/acme/billing", token)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await _server.GetAsync("/repositories/acme/api", token)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _server.GetAsync("/repositories/acme/billing", token)).StatusCode);
            string page = await (await _server.GetAsync("/", token)).Content.ReadAsStringAsync();
            Assert.Contains("/repositories/acme/api", page);
            Assert.DoesNotContain("acme/billing", page);
            // Metrics describe every repository.
            Assert.Equal(HttpStatusCode.NotFound, (await _server.GetAsync("/metrics", token)).StatusCode);
        }
    }

    [Fact]
    public async Task The_servers_read_token_sees_every_repository_and_no_token_or_a_revoked_one_sees_nothing()
    {
        var repositories = await Json("/api/v1/repositories", ServerReadToken, PunchJson.Context.RepositoriesJson);
        var search = await Json("/api/v1/search?q=has:id&limit=1000", ServerReadToken, PunchJson.Context.TeamSearchJson);
        var (revoked, revokedToken) = await _server.Store.Tokens.AddAsync("acme/api", TokenScope.Read);
        await _server.Store.Tokens.RevokeAsync(revoked.Id);

        Assert.Equal(["acme/api", "acme/billing"], repositories.Repositories.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["acme/api", "acme/billing"], search.Results.Select(r => r.Repository).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await _server.GetAsync("/metrics", ServerReadToken)).StatusCode);
        foreach (string? token in new[] { null, revokedToken, "plt_guessed" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await _server.GetAsync("/api/v1/repositories", token)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await _server.GetAsync("/api/v1/search?q=x", token)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await _server.GetAsync("/", token)).StatusCode);
        }
    }

    [Fact]
    public async Task A_browser_signs_in_with_a_repositorys_read_token_and_reads_that_repository_only()
    {
        var client = _server.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signIn = await client.PostAsync("/signin", new FormUrlEncodedContent([new("token", _apiRead), new("next", "/")]));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/repositories/acme/api")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/repositories/acme/billing")).StatusCode);
    }

    private async Task<T> Json<T>(string path, string token, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var response = await _server.GetAsync(path, token);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize(body, type)!;
    }
}
