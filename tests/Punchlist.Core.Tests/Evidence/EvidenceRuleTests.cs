using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Analysis.Rules;
using Punchlist.Evidence;
using Punchlist.Tests.Support;
using Punchlist.Workspaces;

namespace Punchlist.Tests.Evidence;

/// <summary>PL009 unverified-done and PL012 contradicted-done, on copies of the seeds and on the fixture workspaces.</summary>
public sealed class EvidenceRuleTests
{
    private static readonly FindingEngine Engine = new([new UnverifiedDoneRule(), new ContradictedDoneRule()]);
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static List<Finding> Check(string root, CheckPolicy? policy = null)
    {
        var workspace = WorkspaceLoader.Load([root]);
        var evidence = new WorkspaceEvidence(workspace.Root, new EvidenceOptions { Probes = workspace.Config.Probes });
        return Engine.Check(workspace.Documents, workspace.Root, Today, policy ?? CheckPolicy.Default, NoHistory.Instance, evidence);
    }

    [CorpusFact]
    public void On_a_copy_of_the_seeds_every_promised_file_is_absent_nothing_is_verified_and_there_is_no_PL009()
    {
        using var seeds = new TempWorkspace().CopyFrom(Repo.Seeds);
        var workspace = WorkspaceLoader.Load([seeds.Root]);
        var evidence = new WorkspaceEvidence(workspace.Root);
        var all = workspace.AllItems().Select(m => evidence.For(m.Document, m.Item)).ToList();

        var files = all.SelectMany(e => e.Records).Where(r => r.Kind == EvidenceKind.File && r.Ok is not null).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(f.Ok, $"{f.Ref} is reported present"));
        Assert.DoesNotContain(all, e => e.Verdict == Verdict.Verified);
        Assert.DoesNotContain(Check(seeds.Root), f => f.Code == "PL009");
    }

    [CorpusFact]
    public void When_MH_003_is_ticked_done_PL009_names_the_security_scan_workflow()
    {
        using var seeds = new TempWorkspace().CopyFrom(Repo.Seeds);
        MarkDone(seeds.Path("data-platform-todo.md"), "## MH-003:", "## MH-004:");

        var findings = Check(seeds.Root).Where(f => f.Code == "PL009").ToList();
        var scan = Assert.Single(findings, f => f.Declared == ".github/workflows/security-scan.yml");
        Assert.Equal("MH-003", scan.Item);
        Assert.Equal("data-platform-todo.md", scan.Document);
        Assert.Equal(249, scan.Start.Line); // line 247 of the seed, two lines lower after the status line
        Assert.Contains(".github/workflows/security-scan.yml", scan.Message, StringComparison.Ordinal);
        Assert.All(findings, f => Assert.Equal("MH-003", f.Item));
    }

    [CorpusFact]
    public void When_every_box_of_MH_003_is_ticked_and_it_declares_no_status_it_is_done_and_PL009_names_the_workflow()
    {
        using var seeds = new TempWorkspace().CopyFrom(Repo.Seeds);
        string path = seeds.Path("data-platform-todo.md");
        string text = File.ReadAllText(path);
        int start = text.IndexOf("## MH-003:", StringComparison.Ordinal);
        int end = text.IndexOf("## MH-004:", start, StringComparison.Ordinal);
        File.WriteAllText(path, text[..start] + text[start..end].Replace("- [ ] ", "- [x] ", StringComparison.Ordinal) + text[end..]);

        var findings = Check(seeds.Root).Where(f => f.Code == "PL009").ToList();
        var scan = Assert.Single(findings, f => f.Declared == ".github/workflows/security-scan.yml");
        Assert.Equal("MH-003", scan.Item);
    }

    [Fact]
    public void A_ticked_health_check_item_over_a_compose_file_without_healthchecks_is_PL012_citing_file_and_line()
    {
        var findings = Check(Fixtures.Unready).Where(f => f.Code == "PL012").ToList();
        var health = Assert.Single(findings, f => f.Item == "containers/health-check-configuration" && f.Actual == "compose.healthchecks");
        Assert.Equal(6, health.Start.Line);
        Assert.Contains("docker-compose.yml:3", health.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, health.Severity);

        // A ticked criterion of an item that is not done is a claim too.
        var hadolint = Assert.Single(findings, f => f.Actual == "ci.hadolint");
        Assert.StartsWith("criterion 1 of 'CI/CD security scanning' is ticked", hadolint.Message, StringComparison.Ordinal);
        Assert.Equal(12, hadolint.Start.Line);

        // An open item's failing probe claims nothing.
        Assert.DoesNotContain(findings, f => f.Item == "containers/restart-policies");
    }

    [Fact]
    public void The_ready_workspace_has_neither_finding()
    {
        Assert.Empty(Check(Fixtures.Ready));
    }

    [Fact]
    public void PL009_reports_at_the_promised_path_and_PL012_can_be_turned_off()
    {
        var pl009 = Assert.Single(Check(Fixtures.Unready), f => f.Code == "PL009" && f.Declared == "scripts/backup-db.sh");
        Assert.Equal(21, pl009.Start.Line);

        var policy = new CheckPolicy { Rules = new Dictionary<string, Severity?>(StringComparer.Ordinal) { ["PL012"] = null } };
        Assert.DoesNotContain(Check(Fixtures.Unready, policy), f => f.Code == "PL012");
    }

    /// <summary>Declares the card done (a status line under its heading) and ticks its criteria.</summary>
    internal static void MarkDone(string path, string heading, string nextHeading)
    {
        string text = File.ReadAllText(path);
        int start = text.IndexOf(heading, StringComparison.Ordinal);
        int end = text.IndexOf(nextHeading, start, StringComparison.Ordinal);
        int lineEnd = text.IndexOf('\n', start);
        string card = text[(lineEnd + 1)..end].Replace("- [ ] ", "- [x] ", StringComparison.Ordinal);
        File.WriteAllText(path, text[..(lineEnd + 1)] + "\n**Status:** ✅ Done\n" + card + text[end..]);
    }
}
