using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>
/// `--plain`: stable lines for a script or a screen reader — no colour (even asked for), no box
/// drawing, nothing cut with `…`, tables as a tab-separated header and one record a line.
/// </summary>
public sealed class PlainOutputTests
{
    private static readonly string Samples = Path.Combine(Repo.Root, "samples");

    // Narrow on purpose: plain output must not be laid out for a width, so nothing may be cut.
    private static string Plain(params string[] args)
    {
        var (exit, output, error) = Punch.RunAt(40, color: true, Samples, [.. args, "--plain", "--color", "always"]);
        Assert.True(exit is 0 or 1, error);
        Assert.DoesNotContain('\e', output);
        Assert.DoesNotContain(output, c => c is >= '\u2500' and <= '\u259F');
        Assert.DoesNotContain('…', output);
        Assert.DoesNotContain(output.Split('\n'), l => l != l.Trim(' '));
        return output;
    }

    private static List<string> Lines(string output) => output.TrimEnd('\n').Split('\n').ToList();

    // Each table: a header line with tabs, then records with as many fields, up to a blank line.
    private static void AssertTables(List<string> block, string firstHeader)
    {
        Assert.StartsWith(firstHeader + "\t", block[0], StringComparison.Ordinal);
        int fields = block[0].Split('\t').Length;
        Assert.True(block.Count > 1, "a table with no record");
        Assert.All(block.Skip(1), line => Assert.Equal(fields, line.Split('\t').Length));
    }

    [Fact]
    public void List_is_a_header_and_one_record_per_item_each_naming_its_document()
    {
        var lines = Lines(Plain("list"));
        Assert.Equal("Item\tState\tPrio\tTitle\tCriteria\tDue\tOwner", lines[0]);
        AssertTables(lines, "Item");
        Assert.Equal(41, lines.Count - 1);
        Assert.Contains("ROADMAP.md#MH-002\twip\tP0\tPer-tenant rate limits\t1/3\t11d late\tLuis", lines);
        Assert.Contains(lines, l => l.StartsWith("TODO.md#developer-experience/document-the-release-process-in-docs-releasing-md\topen\t\tDocument the release process in docs/RELEASING.md\t", StringComparison.Ordinal));
    }

    [Fact]
    public void Status_prints_its_tables_as_records_with_numbers_whole()
    {
        var lines = Lines(Plain("status"));
        var trackers = lines.TakeWhile(l => l.Contains('\t', StringComparison.Ordinal)).ToList();
        AssertTables(trackers, "Tracker");
        Assert.Equal("Total\t41\t19\t7\t10\t2\t3\t26%\t13/30\t1\t1\t10", trackers[^1]);
        var priorities = lines.SkipWhile(l => !l.StartsWith("Priority\t", StringComparison.Ordinal)).TakeWhile(l => l.Length > 0).ToList();
        AssertTables(priorities, "Priority");
        Assert.Contains("P0\t6\t1\t16%", priorities);
    }

    [Fact]
    public void Verify_is_one_record_per_piece_of_evidence_contradicted_first()
    {
        var lines = Lines(Plain("verify"));
        Assert.Equal("Verdict\tItem\tState\tLine\tTitle\tOk\tKind\tRef\tWhere\tDetail", lines[0]);
        AssertTables(lines, "Verdict");
        Assert.Equal("contradicted\tops/incident-followups.md#P1-002\tdone\t41\tRunbook for regional failover\tfail\tfile\tdocs/runbooks/failover.md\tline 46\tmentioned, absent", lines[2]);
        Assert.StartsWith("contradicted\t", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_is_one_finding_per_line_without_the_source_under_it_then_the_summary()
    {
        var lines = Lines(Plain("check"));
        var findings = lines.TakeWhile(l => l.Contains(": warning ", StringComparison.Ordinal) || l.Contains(": error ", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, findings.Count);
        Assert.Equal("ROADMAP.md:42:79: error PL003 overdue: 'Per-tenant rate limits' was due 2026-11-10 (11 days ago) and is in-progress", findings[1]);
        Assert.Equal(["11 findings (1 error, 10 warnings) in 3 of 6 trackers.", "Check failed: 1 at or above error (--fail-on error)."], lines.Skip(findings.Count));
    }

    [Fact]
    public void Show_prints_facts_as_name_tab_value()
    {
        var lines = Lines(Plain("show", "MH-002"));
        Assert.Equal("Per-tenant rate limits", lines[0]);
        Assert.Contains("Owner\tLuis", lines);
        Assert.Contains("Due\t2026-11-10, 11d late", lines);
    }

    [Fact]
    public void A_bar_in_a_documents_own_text_is_text_and_never_splits_a_record()
    {
        // Only what the renderers draw is decoration: a `│` in a title or in the item's text is the
        // document's, and a record keeps as many fields as its header.
        using var work = new Workdir().Write("PLAN.md", "# Plan\n\n## P1-001: Draw the │ pipe\n\n**Owner:** Ana\n\n- [ ] step one\n  - nested │ detail\n");
        var list = Lines(work.Punch("list", "--plain", work.Root).Out);
        Assert.Equal(["Item\tState\tPrio\tTitle\tCriteria\tDue\tOwner", "PLAN.md#P1-001\topen\tP1\tDraw the │ pipe\t0/1\t\tAna"], list);

        var show = Lines(work.Punch("show", "P1-001", "--plain", work.Root).Out);
        Assert.Equal("Draw the │ pipe", show[0]);
        Assert.Contains("8\t  - nested │ detail", show);
    }

    [Fact]
    public void Plain_never_pages_and_config_says_why_colour_is_off()
    {
        var (_, output, _) = Punch.RunAt(100, color: true, Samples, "config", "--plain");
        Assert.Contains("off (--plain)", output, StringComparison.Ordinal);
    }
}
