using System.Text;
using Punchlist.Reading;

namespace Punchlist.Tests.Reading.Org;

/// <summary>The Org prefilter: cheap on bytes, never no to a file with an item, no to notes and literate configs.</summary>
public sealed class OrgPrefilterTests
{
    [Theory]
    [InlineData("* Ideas\nSome prose.\n** More prose\n")]
    [InlineData("#+TITLE: Emacs config\n#+BEGIN_SRC emacs-lisp\n(setq x 1)\n#+END_SRC\n")]
    [InlineData("* Meeting notes\n- alice said hello\n- bob agreed\n")]
    [InlineData("* TODOS are words\n* DONEish\n")]
    public void Notes_and_configurations_are_skipped(string text) =>
        Assert.False(TrackerPrefilter.MayHoldItems("notes.org", Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("* TODO Write it\n")]
    [InlineData("*** WAITING Reply\n")]
    [InlineData("#+TODO: OPEN | SHIPPED\n* OPEN custom\n")]
    [InlineData("#+seq_todo: A B\n")]
    [InlineData("- [ ] a box\n")]
    [InlineData("  + [X] indented\n")]
    [InlineData("   * [-] star bullet\n")]
    [InlineData("1. [@3] [ ] counter\n")]
    public void Items_pass(string text) =>
        Assert.True(TrackerPrefilter.MayHoldItems("plan.org", Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void A_byte_order_mark_does_not_hide_the_first_line()
    {
        Assert.True(TrackerPrefilter.MayHoldItems("plan.org", [0xEF, 0xBB, 0xBF, .. "* TODO first\n"u8]));
        Assert.True(TrackerPrefilter.MayHoldItems("plan.org", [0xEF, 0xBB, 0xBF, .. "#+TODO: A | B\n"u8]));
    }

    [Fact]
    public void The_markdown_prefilter_still_reads_markdown_files()
    {
        byte[] orgOnly = Encoding.UTF8.GetBytes("* TODO an Org headline\n");
        Assert.False(TrackerPrefilter.MayHoldItems("plan.md", orgOnly));
        Assert.True(TrackerPrefilter.MayHoldItems("plan.org", orgOnly));
    }
}
