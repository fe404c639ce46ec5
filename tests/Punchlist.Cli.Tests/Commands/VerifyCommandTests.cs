using System.Text.Json;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>`punch verify`: verdicts with their evidence, human and JSON; commands only with --run-commands.</summary>
public sealed class VerifyCommandTests
{
    private static readonly string Unready = Path.Combine(Repo.Root, "tests", "fixtures", "evidence", "unready");
    private static readonly string Ready = Path.Combine(Repo.Root, "tests", "fixtures", "evidence", "ready");

    private const string CommandTracker = """
        # T

        ## C-1: Ship it

        **Status:** Done

        ### Verification

        ```sh
        touch ran.txt
        ```
        """;

    private static Dictionary<string, JsonElement> Items(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("title").GetString()!);

    [Fact]
    public void A_ticked_health_check_over_compose_without_healthchecks_is_contradicted_citing_file_and_line()
    {
        var (exit, output, error) = Punch.Run("verify", "--json", Unready);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("punchlist.evidence/1", json.RootElement.GetProperty("schema").GetString());
        var item = Items(output)["Health check configuration"];
        Assert.Equal("done", item.GetProperty("state").GetString());
        Assert.Equal("contradicted", item.GetProperty("verdict").GetString());
        var compose = item.GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("ref").GetString() == "compose.healthchecks");
        Assert.Equal("probe", compose.GetProperty("kind").GetString());
        Assert.False(compose.GetProperty("ok").GetBoolean());
        var citation = compose.GetProperty("citations")[0];
        Assert.Equal("docker-compose.yml", citation.GetProperty("file").GetString());
        Assert.Equal(3, citation.GetProperty("line").GetInt32());

        var (_, text, _) = Punch.Run("verify", Unready);
        Assert.Contains("  ✗ TRACKER.md#containers/health-check-configuration  Health check configuration (done, line 6)", text, StringComparison.Ordinal);
        Assert.Contains("docker-compose.yml:3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_evidence_entry_has_kind_ref_ok_and_detail()
    {
        var (_, output, _) = Punch.Run("verify", "--json", Ready);
        foreach (var item in Items(output).Values)
        {
            Assert.True(item.TryGetProperty("key", out _));
            Assert.Contains(item.GetProperty("verdict").GetString(), new[] { "verified", "contradicted", "unknown" });
            foreach (var evidence in item.GetProperty("evidence").EnumerateArray())
            {
                Assert.Contains(evidence.GetProperty("kind").GetString(), new[] { "file", "probe", "command" });
                Assert.False(string.IsNullOrEmpty(evidence.GetProperty("ref").GetString()));
                Assert.True(evidence.TryGetProperty("ok", out _));
                Assert.False(string.IsNullOrEmpty(evidence.GetProperty("detail").GetString()));
            }
        }

        Assert.Equal("verified", Items(output)["Non-root user in containers"].GetProperty("verdict").GetString());
        Assert.True(Items(output)["Runbooks"].GetProperty("mayBeDone").GetBoolean());
    }

    [CorpusFact]
    public void On_a_copy_of_the_seeds_every_promised_file_is_absent_and_no_item_is_verified()
    {
        using var seeds = new TempWorkspace().CopyFrom(Repo.Seeds);
        var (exit, output, _) = Punch.Run("verify", "--json", seeds.Root);
        Assert.Equal(0, exit);
        var items = JsonDocument.Parse(output).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(375, items.Count);
        Assert.DoesNotContain(items, i => i.GetProperty("verdict").GetString() == "verified");
        var files = items.SelectMany(i => i.GetProperty("evidence").EnumerateArray()).Where(e => e.GetProperty("kind").GetString() == "file" && e.GetProperty("ok").ValueKind != JsonValueKind.Null).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(f.GetProperty("ok").GetBoolean()));
    }

    [Fact]
    public void Commands_run_only_with_run_commands()
    {
        using var workspace = new TempWorkspace().Write("TODO.md", CommandTracker);
        Assert.Equal(0, Punch.Run("status", workspace.Root).Exit);
        Assert.Equal(0, Punch.Run("status", "--json", workspace.Root).Exit);
        Assert.Equal(0, Punch.Run("list", workspace.Root).Exit);
        var (_, plain, _) = Punch.Run("verify", "--json", workspace.Root);
        Assert.False(File.Exists(workspace.Path("ran.txt")));
        Assert.Contains("not run (pass --run-commands to run it)", plain, StringComparison.Ordinal);
        Assert.False(JsonDocument.Parse(plain).RootElement.GetProperty("commandsRun").GetBoolean());

        var (exit, output, _) = Punch.Run("verify", "--json", "--run-commands", workspace.Root);
        Assert.Equal(0, exit);
        Assert.True(File.Exists(workspace.Path("ran.txt")));
        Assert.Equal("verified", Items(output)["Ship it"].GetProperty("verdict").GetString());
    }

    [Fact]
    public void A_command_that_sleeps_past_the_timeout_is_killed_and_reported()
    {
        using var workspace = new TempWorkspace().Write("TODO.md", CommandTracker.Replace("touch ran.txt", "sleep 60; touch ran.txt", StringComparison.Ordinal));
        var (exit, output, _) = Punch.Run("verify", "--run-commands", "--timeout", "1", workspace.Root);
        Assert.Equal(0, exit);
        Assert.Contains("Contradicted (1)\n  ✗ ", output, StringComparison.Ordinal);
        Assert.Contains("timed out after 1 s and was killed", output, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.Path("ran.txt")));
    }

    [Theory]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "soon")]
    public void A_bad_timeout_is_a_usage_error(string option, string value)
    {
        var (exit, output, error) = Punch.Run("verify", option, value, Ready);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_misspelt_probe_in_punchlist_yml_is_a_usage_error()
    {
        using var workspace = new TempWorkspace().Write("punchlist.yml", "probes:\n  off: [docker.nonroot]\n").Write("TODO.md", "- [ ] x\n");
        var (exit, _, error) = Punch.Run("verify", workspace.Root);
        Assert.Equal(2, exit);
        Assert.StartsWith("punch: punchlist.yml:2:9: no probe 'docker.nonroot'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Probes_lists_the_catalogue()
    {
        var (exit, output, _) = Punch.Run("verify", "--probes", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("punchlist.probes/1", json.RootElement.GetProperty("schema").GetString());
        Assert.True(json.RootElement.GetProperty("probes").GetArrayLength() >= 40);

        var (_, text, _) = Punch.Run("verify", "--probes");
        Assert.Contains("docker.non-root", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_says_why_each_probe_was_chosen()
    {
        var (_, output, _) = Punch.Run("verify", "--explain", Unready);
        Assert.Contains("why ci.hadolint: criterion 1 — words 'hadolint'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_counts_done_items_by_verdict()
    {
        var (_, output, _) = Punch.Run("status", "--json", Unready);
        var verification = JsonDocument.Parse(output).RootElement.GetProperty("totals").GetProperty("verification");
        Assert.Equal(4, verification.GetProperty("done").GetInt32());
        Assert.Equal(3, verification.GetProperty("contradicted").GetInt32());
        Assert.Equal(1, verification.GetProperty("unknown").GetInt32());
        Assert.Equal(0, verification.GetProperty("verified").GetInt32());

        var (_, text, _) = Punch.Run("status", Ready);
        Assert.Contains("Evidence for the 8 done items: 7 verified", text, StringComparison.Ordinal);
    }

    [CorpusTheory]
    [InlineData("seeds")]
    [InlineData("real")]
    public void Verify_reads_every_corpus_file_without_failing(string folder)
    {
        var (exit, output, error) = Punch.Run("verify", "--json", Path.Combine(Repo.Shared, "corpus", folder));
        Assert.True(exit == 0, error);
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("items").GetArrayLength() > 0);
    }

    [Fact]
    public void A_glob_the_glob_library_cannot_read_matches_nothing()
    {
        using var workspace = new TempWorkspace().Write("TODO.md", "# T\n\n## T-1: Odd\n\n**Status:** Done\n\n**Files to Create:**\n\n- `src/[*.cs`\n- `src/{a,b`\n");
        var (exit, output, error) = Punch.Run("verify", "--json", workspace.Root);
        Assert.True(exit == 0, error);
        Assert.Equal("contradicted", Items(output)["Odd"].GetProperty("verdict").GetString());
    }

    [Fact]
    public void Check_reports_PL012_for_the_ticked_health_check_citing_the_compose_file()
    {
        var (exit, output, error) = Punch.Run("check", "--json", "--fail-on", "none", Unready);
        Assert.True(exit == 0, error);
        var findings = JsonDocument.Parse(output).RootElement.GetProperty("findings").EnumerateArray().ToList();
        var health = findings.Single(f => f.GetProperty("code").GetString() == "PL012" && f.GetProperty("actual").GetString() == "compose.healthchecks");
        Assert.Equal("containers/health-check-configuration", health.GetProperty("item").GetString());
        Assert.Equal(6, health.GetProperty("line").GetInt32());
        Assert.Contains("docker-compose.yml:3", health.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(findings, f => f.GetProperty("code").GetString() == "PL009" && f.GetProperty("declared").GetString() == "scripts/backup-db.sh");
    }

    [CorpusFact]
    public void Check_on_a_copy_of_the_seeds_has_no_PL009_until_MH_003_is_done()
    {
        using var seeds = new TempWorkspace().CopyFrom(Repo.Seeds);
        static List<JsonElement> Pl009(string root) => JsonDocument.Parse(Punch.Run("check", "--json", "--fail-on", "none", root).Out)
            .RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("code").GetString() == "PL009").ToList();

        Assert.Empty(Pl009(seeds.Root));

        string path = seeds.Path("data-platform-todo.md");
        string text = File.ReadAllText(path);
        int card = text.IndexOf("## MH-003:", StringComparison.Ordinal);
        int line = text.IndexOf('\n', card);
        File.WriteAllText(path, text[..(line + 1)] + "\n**Status:** ✅ Done\n" + text[(line + 1)..]);
        var found = Pl009(seeds.Root);
        Assert.Contains(found, f => f.GetProperty("declared").GetString() == ".github/workflows/security-scan.yml" && f.GetProperty("item").GetString() == "MH-003");
    }

    [Fact]
    public void Check_never_runs_commands()
    {
        using var workspace = new TempWorkspace().Write("TODO.md", CommandTracker);
        Punch.Run("check", workspace.Root);
        Punch.Run("check", "--format", "sarif", workspace.Root);
        Assert.False(File.Exists(workspace.Path("ran.txt")));
    }
}
