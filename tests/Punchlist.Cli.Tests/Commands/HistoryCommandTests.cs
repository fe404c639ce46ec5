using System.Text;
using System.Text.Json;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>
/// `punch history` on a repository the test builds: ten weekly commits to a plan of twelve cards,
/// none to two finished each week, one added in the fifth week, one reopened in the seventh. Every
/// number is known from the commits.
/// </summary>
public sealed class HistoryCommandTests : IDisposable
{
    private const string Today = "2025-03-19";
    private readonly GitRepository _repo = new();

    public HistoryCommandTests()
    {
        var done = new HashSet<int>();
        int[][] finished = [[], [1], [2, 3], [], [4], [5, 6], [7], [], [8, 9], [10]];
        for (int week = 0; week < finished.Length; week++)
        {
            foreach (int n in finished[week])
            {
                done.Add(n);
            }

            if (week == 6)
            {
                done.Remove(2); // reopened
            }

            var date = new DateOnly(2025, 1, 6).AddDays(7 * week);
            _repo.Write("PLAN.md", Plan(done, extra: week >= 4)).Commit(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"Week {week + 1}", week % 2 == 0 ? "Alice" : "Bob");
        }
    }

    public void Dispose() => _repo.Dispose();

    private static string Plan(HashSet<int> done, bool extra)
    {
        var text = new StringBuilder("# Plan\n\n");
        for (int n = 1; n <= 12; n++)
        {
            text.Append($"## P{(n <= 4 ? 0 : 1)}-{n:D3}: Task number {n}\n**Status:** {(done.Contains(n) ? "Done" : "Not Started")}\n\n");
        }

        if (extra)
        {
            text.Append("## P0-013: Added later\n**Status:** Not Started\n\n");
        }

        return text.ToString();
    }

    private (int Exit, string Out, string Err) Run(params string[] args) => Punch.RunIn(_repo.Root, ["history", "--today", Today, .. args]);

    [Fact]
    public void The_burn_up_flow_and_forecast_come_out_as_json()
    {
        var (exit, output, error) = Run("--json");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("punchlist.history/1", root.GetProperty("schema").GetString());
        Assert.Equal(8, root.GetProperty("history").GetProperty("commits").GetInt32()); // two weeks changed nothing

        var weeks = root.GetProperty("burnUp").EnumerateArray().Select(w => (w.GetProperty("start").GetString(), w.GetProperty("scope").GetInt32(), w.GetProperty("done").GetInt32(), w.GetProperty("added").GetInt32())).ToList();
        Assert.Equal(("2025-01-06", 12, 0, 12), weeks[0]);
        Assert.Equal(("2025-02-03", 13, 4, 1), weeks[4]);
        Assert.Equal(("2025-02-17", 13, 6, 0), weeks[6]); // P0-007 done, P0-002 reopened
        Assert.Equal(("2025-03-10", 13, 9, 0), weeks[9]);
        Assert.Equal(("2025-03-17", 13, 9, 0), weeks[^1]);

        var flow = root.GetProperty("flow");
        Assert.Equal([0, 1, 2, 0, 1, 2, 1, 0, 2, 1, 0], flow.GetProperty("throughput").EnumerateArray().Select(w => w.GetProperty("done").GetInt32()));
        var back = Assert.Single(flow.GetProperty("wentBackwards").EnumerateArray());
        Assert.Equal("PLAN.md#P0-002", back.GetProperty("address").GetString());
        Assert.Equal(9, flow.GetProperty("leadTime").GetProperty("count").GetInt32());

        var forecast = Assert.Single(root.GetProperty("forecasts").EnumerateArray());
        Assert.Equal(4, forecast.GetProperty("remaining").GetInt32());
        // Ten full weeks before the 19th of March (the week of the 17th is not over).
        Assert.Equal([0, 1, 2, 0, 1, 2, 1, 0, 2, 1], forecast.GetProperty("samples").EnumerateArray().Select(w => w.GetProperty("done").GetInt32()));
        Assert.Equal(3, forecast.GetProperty("dates").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, forecast.GetProperty("tooLittle").ValueKind);
    }

    [Fact]
    public void The_same_history_gives_the_same_forecast_every_time()
    {
        Assert.Equal(Run("--json").Out, Run("--json").Out);
    }

    [Fact]
    public void A_query_picks_the_items_and_by_groups_them()
    {
        var (_, output, _) = Run("priority:p0", "--json", "--by", "owner");
        using var json = JsonDocument.Parse(output);
        var last = json.RootElement.GetProperty("burnUp").EnumerateArray().Last();
        Assert.Equal("(no owner)", last.GetProperty("group").GetString());
        Assert.Equal(5, last.GetProperty("scope").GetInt32()); // P0-001..004 and P0-013
        Assert.Equal(3, last.GetProperty("done").GetInt32());
    }

    [Fact]
    public void An_address_shows_the_items_timeline()
    {
        var (exit, output, _) = Run("PLAN.md#P0-002");
        Assert.Equal(0, exit);
        Assert.Contains("PLAN.md#P0-002 Task number 2 — open, P0", output, StringComparison.Ordinal);
        Assert.Contains("appeared: open, P0", output, StringComparison.Ordinal);
        Assert.Contains("state open → done", output, StringComparison.Ordinal);
        Assert.Contains("state done → open", output, StringComparison.Ordinal);
        // Open two weeks, done four, open again from noon on the 17th of February to the end of the 19th of March.
        Assert.Contains("Time in each state: open 44.5 days, done 28 days (until 2025-03-19).", output, StringComparison.Ordinal);

        var bare = Run("P0-002", "--json");
        using var json = JsonDocument.Parse(bare.Out);
        var entries = json.RootElement.GetProperty("item").GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["2025-01-06T12:00:00Z", "2025-01-20T12:00:00Z", "2025-02-17T12:00:00Z"], entries.Select(e => e.GetProperty("commit").GetProperty("date").GetString()));
        Assert.Equal(["Alice", "Alice", "Alice"], entries.Select(e => e.GetProperty("commit").GetProperty("author").GetString()));
    }

    [Fact]
    public void The_report_reads_as_text()
    {
        var (exit, output, _) = Run("--since", "2025-02-24");
        Assert.Equal(0, exit);
        Assert.Contains("History of 1 tracker: 8 commits changed them, 2025-01-06", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^2025-02-24 – 03-02 +13 +6 +0 +0 +█", output); // scope, done, added, removed, the chart
        Assert.DoesNotContain("Went backwards", output, StringComparison.Ordinal); // P0-002 was reopened before --since
        Assert.Contains("Lead time (appeared → done): median ", output, StringComparison.Ordinal);
        Assert.Contains("Forecast — All 4 open items done by ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void What_history_cannot_select_by_is_refused_in_one_line()
    {
        var (exit, _, error) = Run("tech:docker");
        Assert.Equal(2, exit);
        Assert.StartsWith("punch: history cannot select by 'tech:'", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_folder_outside_git_gets_a_one_line_answer()
    {
        string outside = Path.Combine(Path.GetTempPath(), "punchlist-nogit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            File.WriteAllText(Path.Combine(outside, "TODO.md"), "- [ ] Alone\n");
            var (exit, output, error) = Punch.RunIn(outside, "history");
            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, error);
            Assert.Matches("^No history: .* is not in a git repository: there is no history to read\\.\n$", output);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
