using System.Net;
using System.Text.Json;
using Punchlist.Json;
using Punchlist.Server.Team;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Tests.Team;

/// <summary>The organisation overview is built once per instance and rebuilt after a push (heard by every instance) — never showing a repository token another repository.</summary>
public sealed class TeamOverviewCacheTests
{
    private const string ServerReadToken = "server-read-token";
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Fact]
    public async Task A_push_shows_in_the_overview_of_the_instance_it_reached_at_once_and_of_another_after_its_notification()
    {
        await using var two = await TwoInstances.StartAsync();
        var (first, second, api, billing, apiToken, billingToken) = (two.First, two.Second, two.Api, two.Billing, two.ApiToken, two.BillingToken);

        // Both instances build (and keep) the empty overview first.
        Assert.Empty((await Overview(first)).Repositories);
        Assert.Empty((await Overview(second)).Repositories);

        Assert.Equal(HttpStatusCode.OK, (await first.PushAsync(api.Push(), apiToken)).StatusCode);
        Assert.Equal(["acme/api"], (await Overview(first)).Repositories.Select(r => r.Name));
        Assert.Equal(["acme/api"], await EventuallyAsync(second, 1));
        Assert.Contains("acme/api", await second.CreateClient().GetStringAsync("/"));

        Assert.Equal(HttpStatusCode.OK, (await first.PushAsync(billing.Push(), billingToken)).StatusCode);
        Assert.Equal(["acme/api", "acme/billing"], (await Overview(first)).Repositories.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["acme/api", "acme/billing"], (await EventuallyAsync(second, 2)).Order(StringComparer.Ordinal));
        Assert.Contains("acme/billing", await second.CreateClient().GetStringAsync("/"));
    }

    [Fact]
    public async Task A_repository_token_sees_its_repository_only_while_the_overview_of_all_is_cached()
    {
        await using var pushed = await TwoRepositoriesPushed.StartAsync(ServerReadToken);
        var (server, api, apiPush, apiRead) = (pushed.Server, pushed.Api, pushed.ApiPush, pushed.ApiRead);

        // The server's token warms the cache with both repositories, the page too.
        Assert.Equal(2, (await Overview(server, ServerReadToken)).Repositories.Count);
        Assert.Contains("acme/billing", await (await server.GetAsync("/", ServerReadToken)).Content.ReadAsStringAsync());

        foreach (string token in new[] { apiRead, apiPush })
        {
            var overview = await Overview(server, token);
            Assert.Equal(["acme/api"], overview.Repositories.Select(r => r.Name));
            Assert.NotEmpty(overview.Attention);
            Assert.All(overview.Attention, a => Assert.Equal("acme/api", a.Repository));
            Assert.Equal(api.Status().Totals.Items.Total, overview.Totals.Items.Total);
            string page = await (await server.GetAsync("/", token)).Content.ReadAsStringAsync();
            Assert.Contains("acme/api", page);
            Assert.DoesNotContain("acme/billing", page);
        }
    }

    [Fact]
    public async Task The_cached_json_is_what_the_uncached_mapping_gives_its_tag_answers_304_and_a_push_changes_its_and_the_pages_tags()
    {
        await using var server = new TeamServer(TeamServer.NewDatabase());
        using var api = new SampleRepository("acme/api");
        var (_, token) = await server.Store.Tokens.AddAsync("acme/api", TokenScope.Push);
        Assert.Equal(HttpStatusCode.OK, (await server.PushAsync(api.Push(), token)).StatusCode);

        using var first = await server.GetAsync("/api/v1/overview", null);
        byte[] cached = await first.Content.ReadAsByteArrayAsync();
        var heads = await server.Store.Reader.SummariesAsync();
        var attention = await server.Store.Reader.AttentionAsync(Today);
        var uncached = TeamMapping.Overview(Today, [.. heads.Select(h => TeamMapping.Repository(h.Name, h.Commit, h.CommittedAt, h.Branch, h.PushedAt, h.Totals))], attention, 1, 50, p => $"/api/v1/overview?page={p}")!;

        Assert.NotEmpty(uncached.Attention);
        Assert.Equal(JsonSerializer.Serialize(uncached, PunchJson.Context.OverviewJson), System.Text.Encoding.UTF8.GetString(cached));
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);

        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/overview");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await server.CreateClient().SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        using var page = await server.GetAsync("/", null);
        Assert.NotNull(page.Headers.ETag);

        // Another repository's push changes the overview, so its tag.
        using var billing = new SampleRepository("acme/billing");
        var (_, billingToken) = await server.Store.Tokens.AddAsync("acme/billing", TokenScope.Push);
        Assert.Equal(HttpStatusCode.OK, (await server.PushAsync(billing.Push(), billingToken)).StatusCode);
        using var changed = await server.GetAsync("/api/v1/overview", null);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        using var changedPage = await server.GetAsync("/", null);
        Assert.NotEqual(page.Headers.ETag, changedPage.Headers.ETag);
        Assert.Contains("acme/billing", await changedPage.Content.ReadAsStringAsync());
    }

    private static async Task<OverviewJson> Overview(TeamServer server, string? token = null)
    {
        using var response = await server.GetAsync("/api/v1/overview", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), PunchJson.Context.OverviewJson)!;
    }

    /// <summary>The repositories of the overview once it holds <paramref name="count"/>: the first read after a notification may still get the previous overview while the rebuild runs.</summary>
    private static async Task<IReadOnlyList<string>> EventuallyAsync(TeamServer server, int count)
    {
        IReadOnlyList<string> names = [];
        for (int attempt = 0; attempt < 300 && names.Count != count; attempt++)
        {
            names = [.. (await Overview(server)).Repositories.Select(r => r.Name)];
            if (names.Count != count)
            {
                await Task.Delay(100);
            }
        }

        return names;
    }
}
