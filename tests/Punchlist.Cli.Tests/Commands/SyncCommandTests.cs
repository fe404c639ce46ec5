using System.Text;
using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Analysis.Rules;
using Punchlist.Cli.Tests.Support;
using Punchlist.Reading;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>`punch sync`, `done` and `reopen` on copies of the seeds, as the issue asks to see them.</summary>
public sealed class SyncCommandTests
{
    public static IEnumerable<object[]> Seeds() => Directory.GetFiles(Repo.Seeds).Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [CorpusTheory]
    [MemberData(nameof(Seeds))]
    public void Sync_encoding_statuses_diff_matches_its_golden_file(string seed)
    {
        var (exit, output, error) = Punch.Run("sync", "--encoding", "--statuses", "--today", "2026-11-21", Path.Combine(Repo.Seeds, seed));
        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, error);
        Punch.AssertGolden($"sync/{seed}.diff", output);
    }

    [CorpusFact]
    public void Sync_write_encoding_repairs_the_data_platform_tracker_and_keeps_the_loss_reported()
    {
        using var seeds = new TempSeeds();
        string path = seeds["data-platform-todo.md"];
        string before = File.ReadAllText(path);
        var (exit, diff, error) = seeds.Punch("sync", "--write", "--encoding", "--today", "2026-11-21", seeds["data-platform-todo.md"]);
        Assert.True(exit == 0, error);
        string after = File.ReadAllText(path);

        Assert.Contains("# 🔴 MUST HAVE (Critical Priority)", after, StringComparison.Ordinal);
        Assert.Contains("| 🟠 Should Have |", after, StringComparison.Ordinal);
        Assert.Contains("Rename `web-content/` → `dashboard/`", after, StringComparison.Ordinal);
        Assert.Contains("(≥18 files)", after, StringComparison.Ordinal);
        Assert.Contains("| \uFFFD Phase 0 ", after, StringComparison.Ordinal);
        Assert.Contains("| \uFFFD🔴 Must Have ", after, StringComparison.Ordinal);

        // Every changed line held mojibake or is a claim (dashboard rows, Total Items, Completion).
        foreach (string removed in diff.Split('\n').Where(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal)))
        {
            bool damaged = removed.Contains('ð') || removed.Contains('â') || removed.Contains("ï¿½", StringComparison.Ordinal);
            bool claim = removed.StartsWith("-| ", StringComparison.Ordinal) || removed.StartsWith("-**Total Items:**", StringComparison.Ordinal) || removed.StartsWith("-**Completion:**", StringComparison.Ordinal);
            Assert.True(damaged || claim, $"an unexpected line changed: {removed}");
        }

        // The dashboard and the prose claims now say what the document holds (23 items, none done).
        Assert.Contains("| 🟠 Should Have | 5      |", after, StringComparison.Ordinal);
        Assert.Contains("| 🟡 Could Have  | 0      |", after, StringComparison.Ordinal);
        Assert.Contains("| **TOTAL**      | **23** |", after, StringComparison.Ordinal);
        Assert.Contains("**Total Items:** 23 actionable tasks", after, StringComparison.Ordinal);
        Assert.Contains("**Completion:** 0/23 (0%)", after, StringComparison.Ordinal);

        Assert.Equal(before.Split('\n').Length, after.Split('\n').Length);
        var (_, json, _) = seeds.Punch("check", "--json", "--fail-on", "none", "--today", "2026-11-21", path);
        var codes = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain("PL001", codes);
        Assert.DoesNotContain("PL006", codes);
        Assert.Contains("PL007", codes);
        var findings = Check(path, new EncodingDamageRule(), new UnrepairableTextRule());
        Assert.DoesNotContain(findings, f => f.Code == "PL006");
        Assert.Equal(2, findings.Count(f => f.Code == "PL007" && f.Start.Line is 26 or 27));

        var (again, secondDiff, _) = seeds.Punch("sync", "--check", "--encoding", "--today", "2026-11-21", seeds["data-platform-todo.md"]);
        Assert.Equal(0, again);
        Assert.Equal("Nothing to change in 1 tracker.\n", secondDiff);
    }

    [CorpusFact]
    public void Sync_check_exits_0_on_a_true_tracker_and_1_when_something_would_change()
    {
        using var seeds = new TempSeeds();
        Assert.Equal((0, "Nothing to change in 1 tracker.\n", string.Empty), seeds.Punch("sync", "--check", "--today", "2026-11-21", seeds["optimization-health-todos.md"]));
        var (exit, output, _) = seeds.Punch("sync", "--check", "--encoding", "--today", "2026-11-21", seeds["production-todo-tracker.md"]);
        Assert.Equal(1, exit);
        Assert.Contains("+## ⚙️ Infrastructure & DevOps", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Seeds, "production-todo-tracker.md")), File.ReadAllBytes(seeds["production-todo-tracker.md"]));
    }

    [CorpusFact]
    public void Done_ticks_exactly_one_criterion_and_prints_the_one_line_diff()
    {
        using var seeds = new TempSeeds();
        string before = File.ReadAllText(seeds["data-platform-todo.md"]);
        var (exit, output, error) = seeds.Punch("done", "data-platform-todo.md#MH-002", "--criterion", "1", "--today", "2026-11-21", seeds.Folder);
        Assert.True(exit == 0, error);
        string after = File.ReadAllText(seeds["data-platform-todo.md"]);
        var changed = before.Split('\n').Zip(after.Split('\n')).Where(p => p.First != p.Second).ToList();
        var (old, now) = Assert.Single(changed);
        Assert.Equal(old.Replace("- [ ]", "- [x]", StringComparison.Ordinal), now);
        Assert.Single(output.Split('\n'), l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal));
        Assert.Single(output.Split('\n'), l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal));

        var (reopened, _, _) = seeds.Punch("reopen", "data-platform-todo.md#MH-002", "--criterion", "1", seeds.Folder);
        Assert.Equal(0, reopened);
        Assert.Equal(before, File.ReadAllText(seeds["data-platform-todo.md"]));
    }

    [CorpusFact]
    public void Done_on_an_ambiguous_address_lists_the_candidates_and_changes_nothing()
    {
        using var seeds = new TempSeeds();
        var (exit, output, error) = seeds.Punch("done", "P0-001");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("punch: 'P0-001' is ambiguous: data-platform-todo.md#P0-001, optimization-health-todos.md#P0-001\n", error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Seeds, "data-platform-todo.md")), File.ReadAllBytes(seeds["data-platform-todo.md"]));
    }

    [CorpusFact]
    public void Sync_write_keeps_crlf_on_every_line()
    {
        using var seeds = new TempSeeds();
        string path = seeds["data-platform-todo.md"];
        File.WriteAllText(path, File.ReadAllText(path).ReplaceLineEndings("\r\n"), new UTF8Encoding(false));
        var (exit, _, error) = seeds.Punch("sync", "--write", "--encoding", "--statuses", "--touch", "--today", "2026-11-21", seeds["data-platform-todo.md"]);
        Assert.True(exit == 0, error);
        string after = File.ReadAllText(path);
        Assert.Contains("🔴", after, StringComparison.Ordinal);
        Assert.Equal(after.Count(c => c == '\n'), CountOf(after, "\r\n"));
        Assert.Equal(after.Count(c => c == '\r'), CountOf(after, "\r\n"));
    }

    [CorpusFact]
    public void Sync_json_lists_every_change_with_its_kind_and_line()
    {
        var (exit, output, _) = Punch.Run("sync", "--json", "--encoding", "--statuses", "--today", "2026-11-21", Path.Combine(Repo.Seeds, "data-platform-todo.md"));
        Assert.Equal(0, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal("punchlist.sync/1", json.RootElement.GetProperty("schema").GetString());
        Assert.False(json.RootElement.GetProperty("written").GetBoolean());
        var document = Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
        var changes = document.GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("kind").GetString() == "status" && c.GetProperty("line").GetInt32() == 39 && c.GetProperty("new").GetString() == "IN PROGRESS");
        Assert.Contains(changes, c => c.GetProperty("kind").GetString() == "encoding" && c.GetProperty("new").GetString() == "🔴");
        Assert.StartsWith("--- a/data-platform-todo.md\n", document.GetProperty("diff").GetString(), StringComparison.Ordinal);
    }

    [CorpusTheory]
    [InlineData("sync", "--write", "--check")]
    [InlineData("done", "data-platform-todo.md#MH-002", "--criterion", "99")]
    [InlineData("done", "data-platform-todo.md#MH-002")]
    [InlineData("reopen", "data-platform-todo.md#ZZ-404")]
    public void User_errors_exit_2_with_one_line(params string[] args)
    {
        using var seeds = new TempSeeds();
        var (exit, output, error) = seeds.Punch(args);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        string line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("punch: ", line, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void The_diff_is_coloured_when_the_console_takes_colour()
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = CliApp.Run(["sync", "--encoding", Path.Combine(Repo.Seeds, "production-todo-tracker.md")], output, error, new CliEnvironment(Punch.Today, ColorAllowed: true, Width: 120, Repo.Seeds));
        Assert.Equal(0, exit);
        Assert.Contains("\e[31m-## ‚öôÔ∏è Infrastructure & DevOps\e[0m", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("\e[32m+## ⚙️ Infrastructure & DevOps\e[0m", output.ToString(), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, string.Empty, StringComparison.Ordinal).Length) / what.Length;

    private static List<Finding> Check(string path, params IFindingRule[] rules)
    {
        var document = DocumentReader.Default.Read(Path.GetFileName(path), File.ReadAllBytes(path));
        var engine = new FindingEngine(rules);
        return engine.Check([document], Path.GetDirectoryName(path)!, Punch.Today, CheckPolicy.Default, NoHistory.Instance);
    }
}
