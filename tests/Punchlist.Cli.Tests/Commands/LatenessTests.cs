using System.Text.Json;
using Punchlist.Cli.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>
/// One definition of "late" in every view: an item past its due date and an item past its SLA are
/// both late, each counted once, and both owners are named — status (its table, its Late line, every
/// `--by`), its JSON, list, show, and a warm status served from the index.
/// </summary>
public sealed class LatenessTests
{
    // Today is 2026-11-21: P1-001 was due ten days ago (Ana); P0-002, created on 2026-11-01 with a week's
    // SLA, has been past it since 2026-11-08 (Bo), and has no due date. P2-003 is neither.
    private const string Plan = """
        # Launch plan

        | Priority | SLA |
        |---|---|
        | P0 | 1 week |

        ## P1-001: Write the runbook

        **Owner:** Ana
        **Due:** 2026-11-11

        ## P0-002: Rotate the keys

        **Owner:** Bo
        **Created:** 2026-11-01

        ## P2-003: Tidy the wiki

        **Owner:** Cy
        **Due:** 2026-12-20

        """;

    [Fact]
    public void Status_counts_an_overdue_item_and_one_past_its_sla_and_names_both_owners()
    {
        using var work = new Workdir().Write("PLAN.md", Plan);
        var (exit, output, error) = work.Punch("status", work.Root);
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("Late: 2 items (Ana 1, Bo 1) — 1 past the due date, 1 past the SLA.", output, StringComparison.Ordinal);
        string row = output.Split('\n').Single(l => l.StartsWith("PLAN.md", StringComparison.Ordinal));
        Assert.Equal("2", Columns(output, row)["Late"]);
    }

    [Fact]
    public void The_json_and_every_grouping_count_both_late_items()
    {
        using var work = new Workdir().Write("PLAN.md", Plan);
        using var status = Json(work.Punch("status", "--json", work.Root));
        var document = status.RootElement.GetProperty("documents")[0];
        var totals = status.RootElement.GetProperty("totals");
        foreach (var counts in new[] { document, totals })
        {
            Assert.Equal((1, 2, 1), (counts.GetProperty("overdue").GetInt32(), counts.GetProperty("late").GetInt32(), counts.GetProperty("pastSla").GetInt32()));
        }

        Assert.Equal(new Dictionary<string, int> { ["Ana"] = 1, ["Bo"] = 1, ["Cy"] = 0 }, Late(work, "owner"));
        Assert.Equal(new Dictionary<string, int> { ["P0"] = 1, ["P1"] = 1, ["P2"] = 0, ["P3"] = 0 }, Late(work, "priority"));
        Assert.Equal(new Dictionary<string, int> { ["PLAN.md"] = 2 }, Late(work, "document"));

        var (_, text, _) = work.Punch("status", "--by", "owner", work.Root);
        var lines = text.Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith("Owner ", StringComparison.Ordinal));
        Assert.True(header > 0, text);
        foreach (var (owner, late) in new[] { ("Ana", "1"), ("Bo", "1"), ("Cy", "0") })
        {
            Assert.Equal(late, Columns(text, lines.Skip(header).First(l => l.StartsWith(owner + " ", StringComparison.Ordinal)), header)["Late"]);
        }
    }

    [Fact]
    public void List_says_days_late_for_a_due_date_and_sla_plus_days_for_an_sla()
    {
        using var work = new Workdir().Write("PLAN.md", Plan);
        var (exit, output, _) = work.Punch("list", work.Root);
        Assert.Equal(0, exit);
        Assert.Contains("10d late", Line(output, "P1-001"), StringComparison.Ordinal);
        Assert.Contains("SLA +13d", Line(output, "P0-002"), StringComparison.Ordinal);
        Assert.Contains("2026-12-20", Line(output, "P2-003"), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_says_how_late_an_item_is_by_its_due_date_and_by_its_sla()
    {
        using var work = new Workdir().Write("PLAN.md", Plan);
        Assert.Contains("Due       2026-11-11, 10d late", work.Punch("show", "P1-001", work.Root).Out, StringComparison.Ordinal);
        var (exit, output, _) = work.Punch("show", "P0-002", work.Root);
        Assert.Equal(0, exit);
        Assert.Contains("SLA       P0 within 1 week, until 2026-11-08, 13d late", output, StringComparison.Ordinal);
        Assert.DoesNotContain("SLA       ", work.Punch("show", "P2-003", work.Root).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warm_status_served_from_the_index_names_the_same_owners()
    {
        using var work = new Workdir().Write("PLAN.md", Plan);
        var cold = work.PunchIndexed("status", work.Root);
        var warm = work.PunchIndexed("status", "--verbose", work.Root);
        Assert.Contains("1 trackers served from the index, 0 checked", warm.Err, StringComparison.Ordinal);
        Assert.Equal(cold.Out, warm.Out);
        Assert.Contains("Late: 2 items (Ana 1, Bo 1)", warm.Out, StringComparison.Ordinal);
        Assert.Equal(work.PunchIndexed("list", work.Root).Out, work.Punch("list", work.Root).Out);
    }

    private static JsonDocument Json((int Exit, string Out, string Err) run)
    {
        Assert.Equal((0, string.Empty), (run.Exit, run.Err));
        return JsonDocument.Parse(run.Out);
    }

    private static Dictionary<string, int> Late(Workdir work, string by)
    {
        using var status = Json(work.Punch("status", "--json", "--by", by, work.Root));
        return status.RootElement.GetProperty("groups").EnumerateArray()
            .ToDictionary(g => g.GetProperty("name").GetString()!, g => g.GetProperty("late").GetInt32());
    }

    private static string Line(string output, string key) => output.Split('\n').Single(l => l.Contains(key, StringComparison.Ordinal));

    // A row of a text table by its column headers: each header's cell, read where the header is (numbers
    // are right-aligned under it).
    private static Dictionary<string, string> Columns(string output, string row, int? headerLine = null)
    {
        var lines = output.Split('\n');
        string header = headerLine is { } at ? lines[at] : lines.First(l => l.Contains(" Late", StringComparison.Ordinal));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(header, @"\S+"))
        {
            int end = Math.Min(row.Length, m.Index + m.Length);
            int start = end;
            while (start > 0 && row[start - 1] != ' ')
            {
                start--;
            }

            result[m.Value] = row[start..end];
        }

        return result;
    }
}
