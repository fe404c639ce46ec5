using System.Text.Json;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>`punch check` as CI uses it: exit codes, --fail-on, output formats, punchlist.yml rules, --explain.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly SeedCopy _seeds = new();

    public void Dispose() => _seeds.Dispose();

    [CorpusTheory]
    [InlineData("error", 1)]
    [InlineData("warning", 1)]
    [InlineData("note", 1)]
    [InlineData("none", 0)]
    public void Fail_on_decides_the_exit_code(string failOn, int expected)
    {
        // Only warnings here: PL005 and two PL008.
        var (exit, _, _) = Punch.Run("check", "--today", "2026-11-21", "--fail-on", failOn, _seeds.PathOf("plan-infrastructure-devops.md"));
        Assert.Equal(failOn == "error" ? 0 : expected, exit);
    }

    [CorpusFact]
    public void A_document_without_findings_passes_with_exit_0()
    {
        File.WriteAllText(_seeds.PathOf("clean.md"), "# Clean\n\n- [x] done\n- [ ] open\n");
        var (exit, output, error) = Punch.Run("check", "--today", "2026-11-21", "--fail-on", "note", _seeds.PathOf("clean.md"));
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("No findings in 1 tracker.", output, StringComparison.Ordinal);
    }

    [CorpusTheory]
    [InlineData("check", "--fail-on", "sometimes")]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--json", "--format", "sarif")]
    [InlineData("check", "/no/such/folder")]
    public void User_errors_exit_2_with_one_line(params string[] args)
    {
        var (exit, output, error) = Punch.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("punch: ", Assert.Single(error.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
    }

    [CorpusFact]
    public void A_mistake_in_the_rules_of_punchlist_yml_exits_2_naming_its_place()
    {
        File.WriteAllText(_seeds.PathOf("punchlist.yml"), "rules:\n  PL011: of\n");
        var (exit, _, error) = Punch.Run("check", _seeds.Root);
        Assert.Equal(2, exit);
        Assert.Equal("punch: punchlist.yml:2:10: 'of' is not a setting for PL011 (error, warning, note or off)\n", error);
    }

    [CorpusFact]
    public void Punchlist_yml_turns_rules_off_and_regrades_them()
    {
        var before = Codes(Punch.Run("check", "--json", "--today", "2026-11-21", _seeds.Root).Out);
        File.WriteAllText(_seeds.PathOf("punchlist.yml"), "rules: {PL011: off, PL001: note, PL003: note, PL004: note, PL010: note}\n");
        var (exit, output, _) = Punch.Run("check", "--json", "--today", "2026-11-21", _seeds.Root);
        var after = Codes(output);

        Assert.Contains(before, f => f.Code == "PL011");
        Assert.DoesNotContain(after, f => f.Code == "PL011");
        Assert.All(after.Where(f => f.Code == "PL001"), f => Assert.Equal("note", f.Severity));
        Assert.DoesNotContain(after, f => f.Severity == "error");
        Assert.Equal(0, exit); // nothing left at error
    }

    [CorpusFact]
    public void Json_findings_carry_every_documented_field()
    {
        var (_, output, _) = Punch.Run("check", "--json", "--today", "2026-11-21", _seeds.PathOf("production-todo-tracker.md"));
        using var json = JsonDocument.Parse(output);
        var first = json.RootElement.GetProperty("findings")[0];
        string[] fields = ["code", "name", "severity", "document", "line", "column", "endLine", "endColumn", "message", "item", "declared", "actual", "basis"];
        Assert.Equal(fields, first.EnumerateObject().Select(p => p.Name));
    }

    [CorpusFact]
    public void Text_output_is_grouped_by_file_with_the_source_line_and_the_correction()
    {
        var (_, output, _) = Punch.Run("check", "--today", "2026-11-21", _seeds.PathOf("production-todo-tracker.md"));
        Assert.StartsWith("production-todo-tracker.md (", output, StringComparison.Ordinal);
        Assert.Contains("production-todo-tracker.md:111:27: error PL001 claim-mismatch: dashboard row 'Total Outstanding' (Count) claims 15, but the document has 16 open items\n", output, StringComparison.Ordinal);
        Assert.Contains("   111 │ | **Total Outstanding** | 15 | ‚è≥ In backlog |\n", output, StringComparison.Ordinal);
        Assert.Contains("       │                           ^^ 15 → 16\n", output, StringComparison.Ordinal);
        Assert.Contains("Check failed: 4 at or above error (--fail-on error).", output, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Explain_lists_the_claims_it_did_not_judge_and_why()
    {
        File.WriteAllText(_seeds.PathOf("dashboard.md"), "# Plan\n\n| Area | Count |\n|---|---|\n| Backend | 3 |\n| Frontend | 1 |\n\n## Backend Services\n- [ ] a\n\n## Frontend\n- [ ] b\n");
        var (_, output, _) = Punch.Run("check", "--explain", "--today", "2026-11-21", _seeds.PathOf("dashboard.md"));
        Assert.Contains("dashboard.md:5:13: 'Backend' (Count): 'Backend' names only part of 'Backend Services' (line 8)", output, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Status_counts_findings_per_document_as_check_does()
    {
        var (_, check, _) = Punch.Run("check", "--json", "--today", "2026-11-21", _seeds.Root);
        var (_, status, _) = Punch.Run("status", "--json", "--today", "2026-11-21", _seeds.Root);
        using var json = JsonDocument.Parse(status);
        var byDocument = Codes(check).GroupBy(f => f.Document).ToDictionary(g => g.Key, g => g.Count());
        foreach (var document in json.RootElement.GetProperty("documents").EnumerateArray())
        {
            var findings = document.GetProperty("findings");
            Assert.Equal(byDocument.GetValueOrDefault(document.GetProperty("path").GetString()!), findings.GetProperty("total").GetInt32());
            Assert.Equal(findings.GetProperty("total").GetInt32(), findings.GetProperty("error").GetInt32() + findings.GetProperty("warning").GetInt32() + findings.GetProperty("note").GetInt32());
        }

        Assert.Equal(byDocument.Values.Sum(), json.RootElement.GetProperty("totals").GetProperty("findings").GetProperty("total").GetInt32());
    }

    private static List<(string Code, string Severity, string Document)> Codes(string output)
    {
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("code").GetString()!, f.GetProperty("severity").GetString()!, f.GetProperty("document").GetString()!))
            .ToList();
    }
}
