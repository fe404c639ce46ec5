using System.Net;
using System.Text.Json;
using Punchlist.Json;
using Punchlist.Server.Tests.Support;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Tests.Team;

/// <summary>Search across repositories takes the whole query language and selects what `punch search` selects in each checkout.</summary>
public sealed class TeamSearchTests : IAsyncLifetime
{
    // Every filter, negation, OR, phrase, prefix and sort, each matching some of the sample's items
    // (none starts with '-': the command line would read it as an option).
    public static readonly string[] Queries =
    [
        "backup", "backups", "upload OR signing", "\"signed uploads\"", "sign*", "upload -signing", "is:open", "state:in-progress,blocked",
        "priority:p0..p1 is:open", "is:open -priority:p0", "priority:none", "priority:must", "owner:priya", "owner:@Pri", "owner:none", "has:owner -owner:luis",
        "section:security", "category:reliability", "doc:docs/plans/*.md", "doc:TODO", "has:id -doc:TODO.md", "due:<2026-12-01", "due:this-month",
        "is:overdue", "is:stale", "is:contradicted", "effort:<=4h", "effort:>1d", "has:files", "has:criteria -is:done", "has:id", "has:owner",
        "has:due", "has:effort", "id:P0-", "tech:docker", "tech:postgres", "backup OR is:blocked", "(upload OR backup) priority:p0..p1",
        "sort:priority is:open", "sort:due has:due", "sort:progress-desc has:criteria", "sort:priority-desc", "sort:state", "sort:state-desc has:owner",
    ];

    private readonly TeamServer _server = new(TeamServer.NewDatabase());
    private readonly SampleRepository _api = new("acme/api");
    private readonly SampleRepository _billing = new("acme/billing", (path, text) => path == "TODO.md" ? text.Replace("- [ ]", "- [x]", StringComparison.Ordinal) : text);

    public async Task InitializeAsync()
    {
        var (_, api) = await _server.Store.Tokens.AddAsync("acme/api", TokenScope.Push);
        var (_, billing) = await _server.Store.Tokens.AddAsync("acme/billing", TokenScope.Push);
        Assert.Equal(HttpStatusCode.OK, (await _server.PushAsync(_api.Push(), api)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _server.PushAsync(_billing.Push(), billing)).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _api.Dispose();
        _billing.Dispose();
    }

    [Fact]
    public async Task Every_query_selects_in_each_repository_the_items_punch_search_selects_in_its_checkout()
    {
        foreach (var repository in new[] { _api, _billing })
        {
            foreach (string q in Queries)
            {
                var local = JsonSerializer.Deserialize(Cli.Json(repository.Root, "search", q, "--limit", "1000"), PunchJson.Context.SearchJson)!;
                var team = await SearchAsync($"repo:{repository.Name} {q}");

                var expected = local.Results.Select(r => r.Address).ToList();
                var actual = team.Results.Select(r => r.Item.Address).ToList();
                Assert.True(local.Total == team.Total, $"{repository.Name} '{q}': punch search found {local.Total}, the team server {team.Total}");
                if (Query(q).IsRanked)
                {
                    // Ranked: the same items (PostgreSQL's ts_rank_cd orders them its own way: docs/team.md).
                    Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(actual.Order(StringComparer.Ordinal)), $"{repository.Name} '{q}': {string.Join(", ", expected)} vs {string.Join(", ", actual)}");
                }
                else
                {
                    // Filters and sorts alone: the same items in the same order.
                    Assert.True(expected.SequenceEqual(actual), $"{repository.Name} '{q}': {string.Join(", ", expected)} vs {string.Join(", ", actual)}");
                }
            }
        }

        // Something is found: the comparison is not of two empty lists.
        Assert.All(new[] { "is:stale", "tech:docker", "is:contradicted", "effort:<=4h", "has:files", "backup" }, q => Assert.NotEqual(0, Count(q)));
    }

    [Fact]
    public async Task Repo_selects_repositories_by_name_part_or_glob()
    {
        var both = await SearchAsync("has:id");
        var api = await SearchAsync("repo:acme/api has:id");
        var glob = await SearchAsync("repo:acme/* has:id");
        var part = await SearchAsync("repo:BILL has:id");
        var none = await SearchAsync("repo:elsewhere/x has:id");

        Assert.Equal(["acme/api", "acme/billing"], both.Results.Select(r => r.Repository).Distinct());
        Assert.All(api.Results, r => Assert.Equal("acme/api", r.Repository));
        Assert.Equal(both.Total, api.Total * 2);
        Assert.Equal(both.Total, glob.Total);
        Assert.Equal(["acme/billing"], part.Results.Select(r => r.Repository).Distinct());
        Assert.Equal(0, none.Total);
        Assert.Equal(api.Results.Count(r => r.Item.Address.StartsWith("TODO.md", StringComparison.Ordinal)), (await SearchAsync("-repo:billing doc:TODO.md has:id")).Total);
    }

    [Fact]
    public async Task Overdue_and_late_are_judged_on_the_servers_today_not_on_the_day_of_the_push()
    {
        var open = await SearchAsync("has:due -is:done -state:cancelled", limit: 1000);
        var local = JsonSerializer.Deserialize(Cli.Json(_api.Root, "list"), PunchJson.Context.ItemsJson)!.Items.ToDictionary(i => i.Address);

        Assert.NotEmpty(open.Results);
        // As `punch list` judges them on the same day.
        Assert.All(open.Results.Where(r => r.Repository == "acme/api"), r => Assert.Equal(local[r.Item.Address].Overdue, r.Item.Overdue));
        Assert.Contains(open.Results, r => r.Item.Overdue);
        Assert.All(open.Results, r => Assert.True(!r.Item.Overdue || r.Late));
        Assert.Equal((await SearchAsync("is:overdue")).Total, open.Results.Count(r => r.Item.Overdue));
    }

    [Fact]
    public async Task The_limit_bounds_the_results_and_the_total_counts_them_all()
    {
        var all = await SearchAsync("has:id", limit: 1000);
        var three = await SearchAsync("has:id", limit: 3);
        var none = await SearchAsync("has:id", limit: 0);

        Assert.Equal(all.Results.Take(3).Select(r => r.Item.Address), three.Results.Select(r => r.Item.Address));
        Assert.Equal(all.Total, three.Total);
        Assert.Equal(all.Total, none.Total);
        Assert.True(all.TotalExact && three.TotalExact && none.TotalExact);
        Assert.Empty(none.Results);
        Assert.Equal(HttpStatusCode.BadRequest, (await _server.CreateClient().GetAsync("/api/v1/search?q=x&limit=100000")).StatusCode);
    }

    private int Count(string q) => JsonSerializer.Deserialize(Cli.Json(_api.Root, "search", q, "--limit", "1000"), PunchJson.Context.SearchJson)!.Total;

    private static Punchlist.Search.Query Query(string q) => Punchlist.Search.Query.Parse(q, new Punchlist.Search.QueryContext(new DateOnly(2026, 11, 21)));

    private async Task<TeamSearchJson> SearchAsync(string q, int limit = 1000)
    {
        using var response = await _server.CreateClient().GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}&limit={limit}");
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"'{q}': {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize(body, PunchJson.Context.TeamSearchJson)!;
    }
}
