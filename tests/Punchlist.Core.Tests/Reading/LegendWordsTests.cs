using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Text;

namespace Punchlist.Tests.Reading;

/// <summary>
/// Every word that names a legend, in any letter case, as a heading and as a paragraph's label: the
/// legend finder's cheap look (one case-insensitive search for all the words) must let each through.
/// </summary>
public sealed class LegendWordsTests
{
    private const string Work = "\n\n## Work\n\n- [~] Payments\n";

    [Theory]
    [InlineData("## Legend")]
    [InlineData("## LEGEND")]
    [InlineData("## Symbols")]
    [InlineData("## Status Definitions")]
    [InlineData("## MARKERS")]
    [InlineData("## Icons")]
    [InlineData("## Meaning")]
    [InlineData("## Meanings")]
    [InlineData("## Emoji")]
    [InlineData("## Status key")]
    [InlineData("## Status KEY")]
    public void A_heading_that_names_a_legend_governs_the_document(string heading)
    {
        Assert.Equal(ItemState.Blocked, StateOfPayments(heading + "\n\n- `[~]` Blocked\n- `[x]` Done" + Work));
    }

    [Theory]
    [InlineData("Legend")]
    [InlineData("SYMBOLS")]
    [InlineData("Icons")]
    [InlineData("Emoji")]
    [InlineData("Status Key")]
    [InlineData("**Markers**")]
    public void A_label_that_names_a_legend_governs_the_document(string label)
    {
        Assert.Equal(ItemState.Blocked, StateOfPayments(label + ": `[~]` Blocked, `[x]` Done" + Work));
    }

    [Theory]
    [InlineData("## Notes\n\n- `[~]` Blocked\n- `[x]` Done")]
    [InlineData("Notes: `[~]` Blocked, `[x]` Done")]
    public void The_same_lines_under_another_name_are_no_legend(string lines)
    {
        Assert.NotEqual(ItemState.Blocked, StateOfPayments(lines + Work));
    }

    private static ItemState StateOfPayments(string markdown) =>
        DocumentReader.Default.Read("legend.md", SourceText.FromString(markdown)).Items.Single(i => i.Title == "Payments").State;
}
