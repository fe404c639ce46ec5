using System.Net;
using System.Text.Json;
using Punchlist.Json;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Tests.Team;

/// <summary>
/// A search across every repository is answered from bytes kept until the next push: the same as
/// the database's answer, one answer for readers who ask at once, a new one after a push — on the
/// instance it reached at once, on another once it hears of it — and never for a repository token.
/// </summary>
public sealed class TeamSearchCacheTests
{
    private const string Url = "/api/v1/search?q=backup&limit=100";

    [Fact]
    public async Task A_push_changes_the_answer_on_the_instance_it_reached_and_on_another_after_its_notification()
    {
        await using var two = await TwoInstances.StartAsync();
        var (first, second, api, billing, apiToken, billingToken) = (two.First, two.Second, two.Api, two.Billing, two.ApiToken, two.BillingToken);
        Assert.Equal(HttpStatusCode.OK, (await first.PushAsync(api.Push(), apiToken)).StatusCode);

        // Fifty readers at once: one answer, the database's own.
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => first.CreateClient().GetStringAsync(Url)));
        Assert.Single(answers.Distinct(StringComparer.Ordinal));
        var direct = await first.Store.Reader.SearchAsync(Query("backup"), new DateOnly(2026, 11, 21), null, 100);
        var once = Parse(answers[0]);
        Assert.Equal(direct.Hits.Select(h => $"{h.Repository}:{h.Item.Address}"), once.Results.Select(r => $"{r.Repository}:{r.Item.Address}"));
        Assert.Equal(["acme/api"], Repositories(await second.CreateClient().GetStringAsync(Url)));

        Assert.Equal(HttpStatusCode.OK, (await first.PushAsync(billing.Push(), billingToken)).StatusCode);
        Assert.Equal(["acme/api", "acme/billing"], Repositories(await first.CreateClient().GetStringAsync(Url)));
        for (int i = 0; i < 300 && Repositories(await second.CreateClient().GetStringAsync(Url)).Count < 2; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(["acme/api", "acme/billing"], Repositories(await second.CreateClient().GetStringAsync(Url)));
    }

    [Fact]
    public async Task A_repository_token_gets_its_repository_only_and_a_malformed_query_is_400_every_time()
    {
        await using var pushed = await TwoRepositoriesPushed.StartAsync("server-read-token");
        var (server, apiRead) = (pushed.Server, pushed.ApiRead);

        // The server's token fills the cache with both repositories; a repository's token still reads its own.
        Assert.Equal(["acme/api", "acme/billing"], Repositories(await (await server.GetAsync(Url, "server-read-token")).Content.ReadAsStringAsync()));
        Assert.Equal(["acme/api"], Repositories(await (await server.GetAsync(Url, apiRead)).Content.ReadAsStringAsync()));

        for (int i = 0; i < 2; i++)
        {
            using var bad = await server.GetAsync("/api/v1/search?q=priority%3Ap9", "server-read-token");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        }
    }

    private static Punchlist.Search.Query Query(string q) => Punchlist.Search.Query.Parse(q, new Punchlist.Search.QueryContext(new DateOnly(2026, 11, 21)));

    private static TeamSearchJson Parse(string json) => JsonSerializer.Deserialize(json, PunchJson.Context.TeamSearchJson)!;

    private static List<string> Repositories(string json) => [.. Parse(json).Results.Select(r => r.Repository).Distinct().Order(StringComparer.Ordinal)];
}
