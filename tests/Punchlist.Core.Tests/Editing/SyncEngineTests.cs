using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Editing;
using Punchlist.Editing.Sync;
using Punchlist.Reading;
using Punchlist.Text;

namespace Punchlist.Tests.Editing;

public sealed class SyncEngineTests
{
    private sealed class Fixer(Func<string, IEnumerable<(int Start, int Length, string Text)>> propose) : ISyncFixer
    {
        public IEnumerable<ProposedEdit> Propose(RuleContext context) =>
            propose(context.Document.Source.Text).Select(p => new ProposedEdit(new TextEdit(new TextSpan(p.Start, p.Length), p.Text), ChangeKind.Claim, "test"));
    }

    private static SyncResult Run(string text, params ISyncFixer[] fixers)
    {
        var document = DocumentReader.Default.Read("t.md", SourceText.FromString(text));
        return new SyncEngine(DocumentReader.Default, fixers, null)
            .Run(document, new SyncScope([document], Path.GetTempPath(), SyncSpecTests.Today, CheckPolicy.Default, NoHistory.Instance));
    }

    [Fact]
    public void A_conflicting_change_waits_for_the_next_pass_and_is_not_left_behind()
    {
        // The second fixer's edit overlaps the first's; once the first is in, it applies cleanly.
        var upper = new Fixer(t => t.StartsWith("abc", StringComparison.Ordinal) ? [(0, 3, "ABC")] : []);
        var tail = new Fixer(t => t.AsSpan(3, 2).SequenceEqual("de") ? [(2, 3, "CDE")] : []);
        var result = Run("abcdef\n", upper, tail);
        Assert.Equal("ABCDEf\n", result.Final.Text);
        Assert.Empty(result.Skipped);
        Assert.Equal(2, result.Changes.Count);
    }

    [Fact]
    public void A_change_that_never_fits_is_reported_as_skipped()
    {
        var first = new Fixer(t => t.StartsWith("ab", StringComparison.Ordinal) ? [(0, 2, "AB")] : []);
        var second = new Fixer(t => [(0, 3, "xyz")]);
        var always = new Fixer(t => [(0, 1, t[0] == 'A' ? "a" : "A")]);
        var result = Run("abc\n", always, first, second);
        Assert.True(result.Changed);
        Assert.NotEmpty(result.Skipped);
        Assert.True(result.Changes.Count <= SyncEngine.MaxPasses * 2, "a fixer that never settles stops after the last pass");
    }

    [Fact]
    public void Nothing_to_change_keeps_the_very_same_text()
    {
        var result = Run("- [ ] a\n", new CookieFixer());
        Assert.False(result.Changed);
        Assert.Same(result.Document.Source, result.Final);
        Assert.True(result.Diff().IsEmpty);
    }

    [Fact]
    public void A_rule_turned_off_in_punchlist_yml_is_not_fixed_either()
    {
        var document = DocumentReader.Default.Read("t.md", SourceText.FromString("## A-1: x\n**Status:** Not Started\n- [x] a\n"));
        var engine = new SyncEngine(DocumentReader.Default, SyncFixers.Create(new SyncOptions { Statuses = true }), null);
        var on = engine.Run(document, new SyncScope([document], Path.GetTempPath(), SyncSpecTests.Today, CheckPolicy.Default, NoHistory.Instance));
        Assert.Contains("**Status:** Done", on.Final.Text, StringComparison.Ordinal);
        var off = CheckPolicy.Default with { Rules = new Dictionary<string, Severity?> { ["PL002"] = null } };
        Assert.False(engine.Run(document, new SyncScope([document], Path.GetTempPath(), SyncSpecTests.Today, off, NoHistory.Instance)).Changed);
    }
}
