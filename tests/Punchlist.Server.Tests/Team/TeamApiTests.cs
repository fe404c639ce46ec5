using System.Net;
using System.Text.Json;
using Punchlist.Json;
using Punchlist.Server.Team;
using Punchlist.Server.Tests.Support;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Tests.Team;

public sealed class TeamApiTests : IAsyncLifetime
{
    private readonly TeamServer _server = new(TeamServer.NewDatabase());
    private readonly SampleRepository _api = new("acme/api");
    private readonly SampleRepository _billing = new("acme/billing", (path, text) => path == "TODO.md" ? text.Replace("- [ ]", "- [x]", StringComparison.Ordinal) : text);
    private string _apiToken = null!;

    public async Task InitializeAsync() => (_, _apiToken) = await _server.Store.Tokens.AddAsync("acme/api", TokenScope.Push);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _api.Dispose();
        _billing.Dispose();
    }

    [Fact]
    public async Task A_push_with_its_repositorys_token_is_stored_and_the_same_push_again_answers_the_same_bytes()
    {
        var push = _api.Push();

        using var first = await _server.PushAsync(push, _apiToken);
        string firstBody = await first.Content.ReadAsStringAsync();
        using var second = await _server.PushAsync(push, _apiToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        var answer = JsonSerializer.Deserialize(firstBody, PunchJson.Context.PushedJson)!;
        Assert.Equal(("acme/api", _api.Commit, true, push.Documents.Count), (answer.Repository, answer.Commit, answer.Head, answer.Documents));
        var repositories = JsonSerializer.Deserialize(await _server.CreateClient().GetStringAsync("/api/v1/repositories"), PunchJson.Context.RepositoriesJson)!;
        Assert.Equal(["acme/api"], repositories.Repositories.Select(r => r.Name));
    }

    [Fact]
    public async Task The_status_of_a_repository_is_what_punch_status_printed_for_its_checkout()
    {
        await _server.PushAsync(_api.Push(), _apiToken);

        string served = await _server.CreateClient().GetStringAsync("/api/v1/status/acme/api");

        Assert.Equal(Normal(Cli.Json(_api.Root, "status")), Normal(served));
        Assert.Equal(HttpStatusCode.NotFound, (await _server.CreateClient().GetAsync("/api/v1/status/acme/nothing")).StatusCode);
    }

    [Fact]
    public async Task A_push_without_a_live_token_of_its_repository_is_refused_and_stores_nothing()
    {
        var push = _api.Push();
        var (revoked, revokedToken) = await _server.Store.Tokens.AddAsync("acme/api", TokenScope.Push);
        await _server.Store.Tokens.RevokeAsync(revoked.Id);
        var (_, readToken) = await _server.Store.Tokens.AddAsync("acme/api", TokenScope.Read);
        var (_, otherToken) = await _server.Store.Tokens.AddAsync("acme/other", TokenScope.Push);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.PushAsync(push, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.PushAsync(push, "plt_guessed")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.PushAsync(push, revokedToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _server.PushAsync(push, readToken)).StatusCode);
        using var wrong = await _server.PushAsync(push, otherToken);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Contains("pushes to acme/other, not acme/api", await wrong.Content.ReadAsStringAsync());

        Assert.Empty(await _server.Store.Reader.SummariesAsync());
        Assert.Null(await _server.Store.Reader.HeadAsync("acme/api"));
        Assert.Equal(0L, await Count("commits"));
    }

    [Fact]
    public async Task A_malformed_or_oversized_push_is_refused_with_a_problem_and_stores_nothing()
    {
        using var notGzip = await _server.PushAsync("{\"schema\":1}"u8.ToArray(), _apiToken);
        using var notJson = await _server.PushAsync("not json"u8.ToArray(), _apiToken, gzip: false);
        using var wrongShape = await _server.PushAsync(_api.Push() with { Schema = "punchlist.push/0" }, _apiToken);
        using var tooLarge = await _server.PushAsync(new byte[Punchlist.Server.Team.TeamApi.MaxPushBytes + 1], _apiToken);

        Assert.Equal(HttpStatusCode.BadRequest, notGzip.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongShape.StatusCode);
        Assert.Equal("application/problem+json", wrongShape.Content.Headers.ContentType?.MediaType);
        Assert.Contains("punchlist.push/0", await wrongShape.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(0L, await Count("commits"));
    }

    [Fact]
    public async Task The_organisation_overview_adds_up_each_repositorys_own_punch_status()
    {
        var (_, billingToken) = await _server.Store.Tokens.AddAsync("acme/billing", TokenScope.Push);
        await _server.PushAsync(_api.Push(), _apiToken);
        await _server.PushAsync(_billing.Push(), billingToken);
        var statuses = new[] { _api.Status(), _billing.Status() };

        var overview = JsonSerializer.Deserialize(await _server.CreateClient().GetStringAsync("/api/v1/overview"), PunchJson.Context.OverviewJson)!;

        var t = overview.Totals;
        Assert.Equal(statuses.Sum(s => s.Totals.Documents), t.Documents);
        Assert.Equal(statuses.Sum(s => s.Totals.Items.Total), t.Items.Total);
        Assert.Equal(statuses.Sum(s => s.Totals.Items.Done), t.Items.Done);
        Assert.Equal(statuses.Sum(s => s.Totals.Criteria.Checked), t.Criteria.Checked);
        Assert.Equal(statuses.Sum(s => s.Totals.ByPriority["P0"].Total), t.ByPriority["P0"].Total);
        Assert.Equal(statuses.Sum(s => s.Totals.Overdue), t.Overdue);
        Assert.Equal(statuses.Sum(s => s.Totals.Late), t.Late);
        Assert.Equal(statuses.Sum(s => s.Totals.Findings.Error), t.Findings.Error);
        Assert.Equal(statuses.Sum(s => s.Totals.Verification.Verified), t.Verification.Verified);
        Assert.True(statuses[1].Totals.Items.Done > statuses[0].Totals.Items.Done);
        // Least ready first: acme/api has fewer of its P0 and P1 items done.
        Assert.Equal(["acme/api", "acme/billing"], overview.Repositories.Select(r => r.Name));
        Assert.All(overview.Attention, a => Assert.True(a.Overdue || a.SlaBreached));
        Assert.All(overview.Attention, a => Assert.Contains(a.Priority, new[] { "P0", "P1" }));
        Assert.Equal(OverdueP0P1(_api) + OverdueP0P1(_billing), overview.Attention.Count(a => a.Overdue));
    }

    [Fact]
    public async Task Search_finds_items_in_every_repository_best_first_and_refuses_a_malformed_query()
    {
        var (_, billingToken) = await _server.Store.Tokens.AddAsync("acme/billing", TokenScope.Push);
        await _server.PushAsync(_api.Push(), _apiToken);
        await _server.PushAsync(_billing.Push(), billingToken);

        var found = JsonSerializer.Deserialize(await _server.CreateClient().GetStringAsync("/api/v1/search?q=backup"), PunchJson.Context.TeamSearchJson)!;

        Assert.Equal(["acme/api", "acme/billing"], found.Results.Select(r => r.Repository).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(found.Results.OrderByDescending(r => r.Rank).Select(r => r.Rank), found.Results.Select(r => r.Rank));
        // The same items the embedded index finds in each repository (its ranking differs: docs/team.md).
        var local = JsonSerializer.Deserialize(Cli.Json(_api.Root, "search", "backup", "--limit", "1000"), PunchJson.Context.SearchJson)!;
        Assert.Equal(local.Results.Select(r => r.Address).Order(StringComparer.Ordinal), found.Results.Where(r => r.Repository == "acme/api").Select(r => r.Item.Address).Order(StringComparer.Ordinal));
        Assert.Equal(local.Total * 2, found.Results.Count);
        Assert.Equal(found.Total, found.Results.Count);
        using var malformed = await _server.CreateClient().GetAsync("/api/v1/search?q=backup%20is:sideways");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("'sideways' is not a state", await malformed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_pages_show_the_organisation_and_each_repository()
    {
        await _server.PushAsync(_api.Push(), _apiToken);

        string overview = await _server.CreateClient().GetStringAsync("/");
        string repository = await _server.CreateClient().GetStringAsync("/repositories/acme/api");

        Assert.Contains("<a href=\"/\" aria-current=\"page\">Organisation</a>", overview);
        Assert.Contains("href=\"/repositories/acme/api\"", overview);
        Assert.Contains("Late P0 and P1 items", overview);
        Assert.Contains(_api.Commit, repository);
        Assert.All(_api.Status().Documents, d => Assert.Contains(d.Path, repository));
    }

    [Fact]
    public async Task A_heads_trackers_and_items_have_pages_with_what_punch_show_shows()
    {
        await _server.PushAsync(_api.Push(), _apiToken);
        var items = JsonSerializer.Deserialize(Cli.Json(_api.Root, "list"), PunchJson.Context.ItemsJson)!.Items;
        var item = items.First(i => i.Criteria.Total > 1 && i.Owner is not null);
        var show = JsonSerializer.Deserialize(Cli.Json(_api.Root, "show", item.Address), PunchJson.Context.ItemDetailJson)!;

        string repositoryPage = await _server.CreateClient().GetStringAsync("/repositories/acme/api");
        string trackerUrl = TeamPages.TrackerUrl("acme/api", item.Document);
        string tracker = await _server.CreateClient().GetStringAsync(trackerUrl);
        string page = await _server.CreateClient().GetStringAsync(TeamPages.ItemUrl("acme/api", item.Address));

        Assert.Contains($"href=\"{trackerUrl}\"", repositoryPage);
        Assert.All((string[])[repositoryPage, tracker, page], p => Assert.DoesNotContain("aria-current=\"page\"", p));
        Assert.All(items.Where(i => i.Document == item.Document), i => Assert.Contains(i.Title, System.Net.WebUtility.HtmlDecode(tracker)));
        Assert.Contains($"href=\"{TeamPages.ItemUrl("acme/api", item.Address)}\"", tracker);
        // The cards count what `punch status` counts for the tracker, worded as single-repository mode's tracker page.
        var status = _api.Status().Documents.Single(d => d.Path == item.Document);
        Assert.Contains($"<p class=\"big\">{status.Progress.Percent}%</p><p class=\"basis\">{status.Progress.Done}/{status.Progress.Total} items (cancelled left out)</p>", tracker);
        Assert.Contains($"<p class=\"basis\">{status.Criteria.Checked}/{status.Criteria.Total} criteria</p>", tracker);
        string text = System.Net.WebUtility.HtmlDecode(page);
        Assert.Contains(item.Title, text);
        Assert.Contains(item.Owner!, text);
        Assert.Contains($"{item.Criteria.Checked} of {item.Criteria.Total} ticked", text);
        Assert.All(show.CriteriaList, c => Assert.Contains($"[{(c.Checked ? "x" : " ")}]</span> <span><span class=\"visually-hidden\">{(c.Checked ? "Ticked: " : "Not ticked: ")}</span>{c.Text}", text));
        Assert.Equal(HttpStatusCode.NotFound, (await _server.CreateClient().GetAsync(TeamPages.TrackerUrl("acme/api", "nothing.md"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.CreateClient().GetAsync(TeamPages.ItemUrl("acme/api", item.Document + "#no-such-key"))).StatusCode);
    }

    private async Task<long> Count(string table)
    {
        await using var command = _server.Store.Source.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // Open P0 and P1 items past their due date, from `punch list` of the repository itself.
    private static int OverdueP0P1(SampleRepository repository)
    {
        var items = JsonSerializer.Deserialize(Cli.Json(repository.Root, "list"), PunchJson.Context.ItemsJson)!;
        return items.Items.Count(i => i.Overdue && i.Priority is "P0" or "P1" && i.State is not ("done" or "cancelled"));
    }

    private static string Normal(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
