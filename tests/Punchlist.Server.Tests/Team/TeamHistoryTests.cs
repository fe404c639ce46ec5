using System.Net;
using System.Text.Json;
using Punchlist.Json;
using Punchlist.Server.Tests.Support;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Tests.Team;

/// <summary>A push carries the repository's recent burn-up from its history; the server shows it per repository and summed.</summary>
public sealed class TeamHistoryTests : IAsyncLifetime
{
    private readonly TeamServer _server = new(TeamServer.NewDatabase());
    private readonly SampleRepository _api = new("acme/api");
    private readonly SampleRepository _billing = new("acme/billing");
    private string _apiToken = null!;
    private string _billingToken = null!;

    public async Task InitializeAsync()
    {
        (_, _apiToken) = await _server.Store.Tokens.AddAsync("acme/api", TokenScope.Push);
        (_, _billingToken) = await _server.Store.Tokens.AddAsync("acme/billing", TokenScope.Push);
        _api.Change("TODO.md", text => text.Replace("- [ ]", "- [x]", StringComparison.Ordinal), "2026-11-21");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _api.Dispose();
        _billing.Dispose();
    }

    [Fact]
    public async Task The_burn_up_a_push_carries_is_what_punch_history_counts_and_the_organisations_is_the_sum()
    {
        var push = _api.Push();
        Assert.NotNull(push.History);
        Assert.Equal(HttpStatusCode.OK, (await _server.PushAsync(push, _apiToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _server.PushAsync(_billing.Push(), _billingToken)).StatusCode);

        var local = JsonSerializer.Deserialize(Cli.Json(_api.Root, "history", "--interval", "day", "--since", "2026-11-19"), PunchJson.Context.HistoryJson)!.BurnUp!;
        var api = await History("/api/v1/history?repo=acme/api");
        var billing = await History("/api/v1/history?repo=acme/billing");
        var all = await History("/api/v1/history");

        var day = (TeamDayJson d) => (d.Day, d.Scope, d.Done);
        Assert.Equal(local.Where(p => string.CompareOrdinal(p.End, "2026-11-20") >= 0).Select(p => (p.End, p.Scope, p.Done)), api.Days.Select(day));
        Assert.True(api.Days[^1].Done > api.Days[0].Done, "the second commit ticked boxes");
        Assert.Equal(api.Days.Select(d => d.Day), all.Days.Select(d => d.Day));
        Assert.Equal(api.Days.Zip(billing.Days, (a, b) => (a.Day, a.Scope + b.Scope, a.Done + b.Done)), all.Days.Select(day));
        string page = await _server.CreateClient().GetStringAsync("/repositories/acme/api");
        Assert.Contains("<svg class=\"burn-up\"", page);
        Assert.Contains("<svg class=\"burn-up\"", await _server.CreateClient().GetStringAsync("/"));
    }

    [Fact]
    public async Task An_older_commit_pushed_after_a_newer_one_writes_no_history()
    {
        var older = _api.Push();
        _api.Change("TODO.md", text => text.Replace("- [x]", "- [ ]", StringComparison.Ordinal), "2026-11-21");
        var newer = _api.Push();
        await _server.PushAsync(newer, _apiToken);
        var before = await History("/api/v1/history?repo=acme/api");

        Assert.Equal(HttpStatusCode.OK, (await _server.PushAsync(older, _apiToken)).StatusCode);

        Assert.Equal(JsonSerializer.Serialize(before, PunchJson.Context.TeamHistoryJson), JsonSerializer.Serialize(await History("/api/v1/history?repo=acme/api"), PunchJson.Context.TeamHistoryJson));
        Assert.NotEqual(older.History!.Select(d => d.Done), newer.History!.Select(d => d.Done));
    }

    private async Task<TeamHistoryJson> History(string path) =>
        JsonSerializer.Deserialize(await _server.CreateClient().GetStringAsync(path), PunchJson.Context.TeamHistoryJson)!;
}
