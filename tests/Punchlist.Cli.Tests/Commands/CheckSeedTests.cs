using Punchlist.Tests.Support;
using System.Text.Json;
using Punchlist.Cli.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>What issue 3 says `punch check --today 2026-11-21` must show on a copy of the seeds outside any git repository.</summary>
public sealed class CheckSeedTests : IDisposable
{
    private readonly SeedCopy _seeds = new();
    private readonly List<JsonElement> _findings;
    private readonly JsonDocument _json;

    public CheckSeedTests()
    {
        var (exit, output, error) = Punch.Run("check", "--json", "--today", "2026-11-21", _seeds.Root);
        Assert.True(exit == 1, $"errors among the findings fail the check (exit {exit}): {error}");
        _json = JsonDocument.Parse(output);
        Assert.Equal("punchlist.findings/1", _json.RootElement.GetProperty("schema").GetString());
        _findings = [.. _json.RootElement.GetProperty("findings").EnumerateArray()];
    }

    public void Dispose()
    {
        _json.Dispose();
        _seeds.Dispose();
    }

    [CorpusFact]
    public void Data_platform_claims_are_false_on_should_have_could_have_total_total_items_and_completion()
    {
        var claims = Of("data-platform-todo.md", "PL001");
        Assert.Contains(claims, f => Line(f) == 28 && Declared(f) == "18" && Actual(f) == "5" && Basis(f) == "items");
        Assert.Contains(claims, f => Line(f) == 29 && Declared(f) == "14" && Actual(f) == "0");
        Assert.Contains(claims, f => Line(f) == 30 && Declared(f) == "50" && Actual(f) == "23");
        Assert.Contains(claims, f => Message(f).StartsWith("'Total Items' claims 50", StringComparison.Ordinal) && Actual(f) == "23");
        Assert.Contains(claims, f => Message(f).StartsWith("'Completion' claims 0/50 (0%)", StringComparison.Ordinal) && Actual(f) == "0/23 (0%)");

        // Phase 0 (3) and Must Have (15) are true.
        Assert.DoesNotContain(claims, f => Line(f) is 26 or 27);
        Assert.All(claims, f => Assert.Equal("error", f.GetProperty("severity").GetString()));
    }

    [CorpusFact]
    public void Data_platform_claim_spans_are_the_numbers_in_the_dashboard()
    {
        var shouldHave = Of("data-platform-todo.md", "PL001").Single(f => Line(f) == 28 && Declared(f) == "18");
        Assert.Equal((28, 22, 28, 24), (Line(shouldHave), shouldHave.GetProperty("column").GetInt32(), shouldHave.GetProperty("endLine").GetInt32(), shouldHave.GetProperty("endColumn").GetInt32()));
        string line = File.ReadAllLines(_seeds.PathOf("data-platform-todo.md"))[27];
        Assert.Equal("18", line[21..23]);
    }

    [CorpusFact]
    public void Data_platform_contradictions_overdue_items_review_and_encoding()
    {
        var contradictions = Of("data-platform-todo.md", "PL002").Select(f => f.GetProperty("item").GetString()).ToList();
        Assert.Contains("P0-001", contradictions);
        Assert.Contains("P0-002", contradictions);
        Assert.DoesNotContain("MH-001", contradictions);

        var overdue = Of("data-platform-todo.md", "PL003").Select(f => f.GetProperty("item").GetString()).ToList();
        Assert.Equal(23, overdue.Distinct().Count());

        Assert.Single(Of("data-platform-todo.md", "PL005"));
        Assert.NotEmpty(Of("data-platform-todo.md", "PL006"));
        Assert.Contains(Of("data-platform-todo.md", "PL007"), f => Line(f) is >= 24 and <= 30 && Declared(f) == "ï¿½");
    }

    [CorpusFact]
    public void Optimization_health_counts_are_true_and_every_item_breached_its_sla()
    {
        Assert.Empty(Of("optimization-health-todos.md", "PL001"));
        var breached = Of("optimization-health-todos.md", "PL004");
        Assert.Equal(42, breached.Select(f => f.GetProperty("item").GetString()).Distinct().Count());
        Assert.All(breached, f => Assert.Contains("(the document's Generated: 2026-01-23)", Message(f), StringComparison.Ordinal));
        Assert.Contains(Of("optimization-health-todos.md", "PL005"), f => Declared(f) == "2026-02-23 (Monthly)");
    }

    [CorpusFact]
    public void Production_tracker_metrics_are_false_with_their_basis_except_feature_readiness()
    {
        var claims = Of("production-todo-tracker.md", "PL001");
        Assert.Contains(claims, f => Message(f).Contains("'Infrastructure/DevOps Tasks'", StringComparison.Ordinal) && Declared(f) == "5" && Basis(f) == "items");
        Assert.Contains(claims, f => Message(f).Contains("'Security & QA Tasks'", StringComparison.Ordinal) && Declared(f) == "4" && Basis(f) == "items");
        Assert.Contains(claims, f => Message(f).Contains("'Monitoring & Observability'", StringComparison.Ordinal) && Declared(f) == "4" && Basis(f) == "items");
        Assert.Contains(claims, f => Message(f).Contains("'Total Outstanding'", StringComparison.Ordinal) && Declared(f) == "15" && Basis(f) == "open items");
        Assert.DoesNotContain(claims, f => Message(f).Contains("Feature Readiness", StringComparison.Ordinal));
        Assert.Equal(4, claims.Count);

        Assert.Single(Of("production-todo-tracker.md", "PL005"));
        Assert.Contains(Of("production-todo-tracker.md", "PL006"), f => Message(f).Contains("MacRoman", StringComparison.Ordinal));
    }

    [CorpusFact]
    public void Plan_review_is_overdue_and_its_cross_references_are_broken()
    {
        Assert.Contains(Of("plan-infrastructure-devops.md", "PL005"), f => Declared(f) == "2025-07-27");
        var broken = Of("plan-infrastructure-devops.md", "PL008").Select(Declared).ToList();
        Assert.Equal(["TODO.tests.md", "TODO.techdebt.md"], broken);
    }

    [CorpusFact]
    public void The_sarif_log_of_the_seeds_passes_microsofts_validator_with_no_error_or_warning()
    {
        var (exit, output, _) = Punch.Run("check", "--format", "sarif", "--today", "2026-11-21", _seeds.Root);
        Assert.Equal(1, exit);
        string file = _seeds.PathOf("check.sarif.json");
        File.WriteAllText(file, output);
        Assert.Empty(SarifValidator.Validate(file));

        using var sarif = JsonDocument.Parse(output);
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal(_findings.Count, run.GetProperty("results").GetArrayLength());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(rules.Distinct().Count(), rules.Count);
        Assert.All(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), r => Assert.Contains("punchlist.yml", r.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal));
    }

    [CorpusFact]
    public void The_validator_would_catch_an_invalid_log()
    {
        string file = _seeds.PathOf("invalid.sarif.json");
        File.WriteAllText(file, """{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"message":{"text":"x"}}]}]}""");
        Assert.Contains(SarifValidator.Validate(file), p => p.Level == "error");
    }

    private List<JsonElement> Of(string document, string code) =>
        _findings.Where(f => f.GetProperty("document").GetString() == document && f.GetProperty("code").GetString() == code).ToList();

    private static int Line(JsonElement f) => f.GetProperty("line").GetInt32();

    private static string? Declared(JsonElement f) => f.GetProperty("declared").GetString();

    private static string? Actual(JsonElement f) => f.GetProperty("actual").GetString();

    private static string? Basis(JsonElement f) => f.GetProperty("basis").GetString();

    private static string Message(JsonElement f) => f.GetProperty("message").GetString()!;
}
