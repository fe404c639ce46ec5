using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Tests.Support;
using Punchlist.Text;

namespace Punchlist.Tests.Analysis;

/// <summary>
/// The fixes `punch sync` will apply, on every corpus file: exact spans of the original text that do
/// not overlap, that make the claims (and the encoding) true, that change nothing else the reader
/// sees, and after which there is nothing left to fix.
/// </summary>
public sealed class CorpusFixTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    public static IEnumerable<object[]> Corpus() => Repo.CorpusCases();

    [CorpusTheory]
    [MemberData(nameof(Corpus))]
    public void Claim_and_encoding_fixes_leave_nothing_to_fix(string caseName)
    {
        var rules = new[] { FindingRules.Find("PL001")!, FindingRules.Find("PL006")! };
        var before = Read(caseName, File.ReadAllBytes(Repo.CorpusPath(caseName)));
        var findings = Check(before, rules);
        var edits = findings.SelectMany(f => f.Fix).ToList();
        foreach (var edit in edits)
        {
            Assert.InRange(edit.Span.Start, 0, before.Source.Text.Length);
            Assert.InRange(edit.Span.End, edit.Span.Start, before.Source.Text.Length);
        }

        string fixedText = FindingSpecTests.Apply(before.Source.Text, edits);
        var after = Read(caseName, SourceText.FromString(fixedText).Bytes);
        Assert.DoesNotContain(Check(after, rules), f => f.Fix.Count > 0);

        // Only numbers and characters changed: the items and their states are as they were.
        Assert.Equal(before.Items.Select(i => (i.Key, i.State, i.CriteriaChecked, i.CriteriaTotal)), after.Items.Select(i => (i.Key, i.State, i.CriteriaChecked, i.CriteriaTotal)));
    }

    [CorpusFact]
    public void The_seed_dashboard_is_corrected_digit_by_digit()
    {
        var document = Read("seeds/data-platform-todo.md", File.ReadAllBytes(Path.Combine(Repo.Seeds, "data-platform-todo.md")));
        var findings = Check(document, [FindingRules.Find("PL001")!]);
        string fixedText = FindingSpecTests.Apply(document.Source.Text, findings.SelectMany(f => f.Fix));
        var lines = fixedText.Split('\n');
        var original = document.Source.Text.Split('\n');
        Assert.Equal("**Total Items:** 23 actionable tasks", lines[14]);
        Assert.Equal("**Completion:** 0/23 (0%)", lines[15]);

        // The labels keep their mojibake (a separate fix, PL006): only the numbers change.
        Assert.Equal(original[27].Replace("| 18     |", "| 5      |", StringComparison.Ordinal).Replace("| 0/18 (0%)     |", "| 0/5 (0%)      |", StringComparison.Ordinal), lines[27]);
        Assert.Equal(original[28].Replace("| 14     |", "| 0      |", StringComparison.Ordinal).Replace("| 0/14 (0%)     |", "| 0/0 (0%)      |", StringComparison.Ordinal), lines[28]);
        Assert.Equal("| **TOTAL**      | **23** | **Not Started** | **0/23 (0%)** |", lines[29]);
        Assert.NotEqual(original[27], lines[27]);
        Assert.NotEqual(original[28], lines[28]);
        Assert.Equal(original.Length, lines.Length);
        var changed = Enumerable.Range(0, lines.Length).Where(i => lines[i] != original[i]).ToList();
        Assert.Equal([14, 15, 27, 28, 29], changed); // every other line, bytes included, as it was
        Assert.All(changed, i => Assert.Equal(original[i].Length, lines[i].Length)); // aligned cells keep their width
    }

    [CorpusFact]
    public void After_the_encoding_repair_the_damage_left_in_the_seed_is_still_named()
    {
        var document = Read("seeds/data-platform-todo.md", File.ReadAllBytes(Path.Combine(Repo.Seeds, "data-platform-todo.md")));
        var rules = new[] { FindingRules.Find("PL006")!, FindingRules.Find("PL007")! };
        string repaired = FindingSpecTests.Apply(document.Source.Text, Check(document, rules).SelectMany(f => f.Fix));
        var after = Read("seeds/data-platform-todo.md", SourceText.FromString(repaired).Bytes);
        var left = Check(after, rules);

        // What could be repaired was: no PL006 is left. What lost a byte is still named, headings included.
        Assert.DoesNotContain(left, f => f.Code == "PL006");
        var lostBytes = left.Where(f => f.Code == "PL007" && f.Message.Contains("byte lost", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lostBytes);
        var headings = after.Sections.Select(s => s.Position.Line).ToHashSet();
        Assert.True(lostBytes.Count(f => headings.Contains(f.Start.Line)) >= 2, string.Join("\n", lostBytes.Select(f => $"{f.Start.Line}: {f.Message}")));
    }

    [CorpusFact]
    public void A_card_with_no_status_whose_criteria_are_all_ticked_is_done()
    {
        string text = File.ReadAllText(Path.Combine(Repo.Seeds, "data-platform-todo.md"));
        int start = text.IndexOf("## MH-003:", StringComparison.Ordinal);
        int end = text.IndexOf("## MH-004:", start, StringComparison.Ordinal);
        string ticked = text[..start] + text[start..end].Replace("- [ ] ", "- [x] ", StringComparison.Ordinal) + text[end..];

        var card = Read("seeds/data-platform-todo.md", SourceText.FromString(ticked).Bytes).Items.Single(i => i.Id == "MH-003");
        Assert.Null(card.Status);
        Assert.Equal((6, 6), (card.CriteriaChecked, card.CriteriaTotal));
        Assert.Equal(ItemState.Done, card.State);
    }

    private static TrackerDocument Read(string caseName, byte[] bytes) => DocumentReader.Default.Read(caseName, bytes);

    private static List<Finding> Check(TrackerDocument document, IReadOnlyList<IFindingRule> rules) =>
        new FindingEngine(rules).Check([document], Path.GetTempPath(), Today, CheckPolicy.Default, NoHistory.Instance);
}
