using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Punchlist.Server.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Server.Tests.History;

/// <summary>
/// The server's history over a repository the test builds: ten weekly commits to a plan of twelve
/// cards (none to two done each week, one added in the fifth week, one reopened in the seventh),
/// ending the week before the server's day. The API answers what `punch history --json` prints; the
/// overview draws the burn-up and says the forecast; an item's page shows its timeline.
/// </summary>
public sealed class HistoryTests : IAsyncLifetime
{
    private readonly GitRepository _repo = new();
    private ServerFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var done = new HashSet<int>();
        int[][] finished = [[], [1], [2, 3], [], [4], [5, 6], [7], [], [8, 9], [10]];
        var first = ServerFactory.Today.AddDays(-7 * finished.Length - 5); // a Monday, ten weeks and five days before
        for (int week = 0; week < finished.Length; week++)
        {
            done.UnionWith(finished[week]);
            if (week == 6)
            {
                done.Remove(2); // reopened
            }

            _repo.Write("PLAN.md", Plan(done, extra: week >= 4))
                .Commit(first.AddDays(7 * week).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"Week {week + 1}", week % 2 == 0 ? "Alice" : "Bob");
        }

        _factory = new ServerFactory(new Dictionary<string, string?> { ["Punchlist:Workspace"] = _repo.Root });
        await _factory.ReadyAsync();
        _client = _factory.CreateClient();
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _factory.Dispose();
        _repo.Dispose();
        return Task.CompletedTask;
    }

    private static string Plan(HashSet<int> done, bool extra)
    {
        var text = new StringBuilder("# Plan\n\n");
        for (int n = 1; n <= 12; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## P{(n <= 4 ? 0 : 1)}-{n:D3}: Task number {n}\n**Status:** {(done.Contains(n) ? "Done" : "Not Started")}\n\n");
        }

        if (extra)
        {
            text.Append("## P0-013: Added later\n**Status:** Not Started\n\n");
        }

        return text.ToString();
    }

    [Fact]
    public async Task The_history_is_what_punch_history_json_prints()
    {
        using var response = await _client.GetAsync("/api/v1/history");
        response.EnsureSuccessStatusCode();
        string api = await response.Content.ReadAsStringAsync();
        Assert.Equal(Cli.Json(_repo.Root, "history", _repo.Root).TrimEnd(), api.TrimEnd());

        using var json = JsonDocument.Parse(api);
        var root = json.RootElement;
        Assert.True(root.GetProperty("available").GetBoolean());
        Assert.Equal(8, root.GetProperty("history").GetProperty("commits").GetInt32()); // two weeks changed nothing
        var forecast = Assert.Single(root.GetProperty("forecasts").EnumerateArray());
        Assert.Equal(4, forecast.GetProperty("remaining").GetInt32());
        Assert.Equal(3, forecast.GetProperty("dates").GetArrayLength());

        // The same answer again is a 304 on its tag.
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/history");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await _client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task A_selection_is_what_punch_history_prints_for_it()
    {
        string api = await _client.GetStringAsync("/api/v1/history?q=priority%3Ap0&by=owner&interval=month");
        Assert.Equal(Cli.Json(_repo.Root, "history", "priority:p0", "--by", "owner", "--interval", "month").TrimEnd(), api.TrimEnd());
    }

    [Fact]
    public async Task An_items_timeline_is_what_punch_history_address_prints()
    {
        string api = await _client.GetStringAsync("/api/v1/items/PLAN.md%23P0-002/history");
        Assert.Equal(Cli.Json(_repo.Root, "history", "PLAN.md#P0-002").TrimEnd(), api.TrimEnd());
        using var json = JsonDocument.Parse(api);
        var entries = json.RootElement.GetProperty("item").GetProperty("entries");
        Assert.Equal(3, entries.GetArrayLength()); // appeared, done, reopened
    }

    [Theory]
    [InlineData("/api/v1/history?interval=fortnight", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/history?since=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/history?since=2026-11-20&until=2026-11-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/history?by=colour", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/history?q=tech%3Adocker", HttpStatusCode.BadRequest)] // history cannot select by technology
    [InlineData("/api/v1/history?q=%22unclosed", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/history?path=..%2Fetc", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/history?path=%2Fetc%2Fpasswd", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/items/..%2F..%2Fsecret.md%23X/history", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/items/PLAN.md%23P9-999/history", HttpStatusCode.NotFound)]
    public async Task Bad_history_requests_are_problem_details(string url, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_overview_draws_the_burn_up_and_says_the_forecast()
    {
        await _client.GetStringAsync("/api/v1/history"); // waits for the history to be read
        var page = await Html.GetAsync(_client, "/");
        var section = page.QuerySelector("section[aria-labelledby=history-h]")!;
        var chart = section.QuerySelector("svg.burn-up")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Contains("scope from 12 to 13 items", chart.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.NotNull(chart.QuerySelector("polyline.scope"));
        Assert.NotNull(chart.QuerySelector("line.forecast"));
        Assert.Matches(@"Forecast: 4 open items done by \d{4}-\d\d-\d\d \(50 %\), \d{4}-\d\d-\d\d \(85 %\), \d{4}-\d\d-\d\d \(95 %\)", section.Text());
        Assert.Contains("8 commits changed them", section.Text(), StringComparison.Ordinal);

        // The numbers beside the chart: the last week's scope and done, as the report has them.
        var last = section.QuerySelectorAll("details tbody tr").Last().QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(["13", "9"], last.Take(2));
    }

    [Fact]
    public async Task An_items_page_shows_its_timeline()
    {
        await _client.GetStringAsync("/api/v1/history");
        var page = await Html.GetAsync(_client, "/items/PLAN.md%23P0-002");
        var section = page.QuerySelector("section[aria-labelledby=timeline-h]")!;
        var entries = section.QuerySelectorAll("ol.timeline > li").Select(li => li.Text()).ToList();
        Assert.Equal(3, entries.Count);
        Assert.Contains("Week 1", entries[0], StringComparison.Ordinal);
        Assert.Contains("state: open → done", entries[1], StringComparison.Ordinal);
        Assert.Contains("state: done → open", entries[2], StringComparison.Ordinal);
        Assert.Contains("Time in each state: open", section.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_never_committed_says_so()
    {
        File.WriteAllText(_repo.Path("NEW.md"), "# New\n\n## N-001: Not committed yet\n**Status:** Not Started\n");
        _factory.Store.Refresh();
        await _client.GetStringAsync("/api/v1/history");
        var page = await Html.GetAsync(_client, "/items/NEW.md%23N-001");
        Assert.Contains("No commit has this item yet", page.QuerySelector("section[aria-labelledby=timeline-h]")!.Text(), StringComparison.Ordinal);
    }
}

/// <summary>Outside git (a copy of samples/ in a temporary folder): the history is absent, and every place that would show it says why.</summary>
public sealed class NoHistoryTests(SampleServer server) : IClassFixture<SampleServer>
{
    [Fact]
    public async Task The_api_answers_as_punch_history_does_outside_git()
    {
        string api = await server.Client.GetStringAsync("/api/v1/history");
        string root = server.Factory.Workspace.Root;
        Assert.Equal(Cli.Json(root, "history", root).TrimEnd(), api.TrimEnd());
        using var json = JsonDocument.Parse(api);
        Assert.False(json.RootElement.GetProperty("available").GetBoolean());
        Assert.Contains("not in a git repository", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_and_an_item_say_there_is_no_history()
    {
        await server.Client.GetStringAsync("/api/v1/history");
        var overview = await Html.GetAsync(server.Client, "/");
        var burnUp = overview.QuerySelector("section[aria-labelledby=history-h]")!;
        Assert.Null(burnUp.QuerySelector("svg"));
        Assert.Contains("No history:", burnUp.Text(), StringComparison.Ordinal);
        Assert.Contains("not in a git repository", burnUp.Text(), StringComparison.Ordinal);

        var item = await Html.GetAsync(server.Client, "/items/ROADMAP.md%23MH-002");
        Assert.Contains("not in a git repository", item.QuerySelector("section[aria-labelledby=timeline-h]")!.Text(), StringComparison.Ordinal);
    }
}
