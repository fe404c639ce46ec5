using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Text;

namespace Punchlist.Tests.Reading.Org;

/// <summary>Spans and positions of the Org reader point into the original text, whatever its line endings.</summary>
public sealed class OrgReaderTests
{
    private const string Text = "#+TITLE: Plan\n* TODO [#A] Rate limiting [1/2]   :api:\nDEADLINE: <2026-02-01 Sun>\n- [X] design\n- [ ] tests\n";

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Spans_slice_back_to_what_was_written(string ending)
    {
        var document = DocumentReader.Default.Read("plan.org", SourceText.FromString(Text.Replace("\n", ending, StringComparison.Ordinal)));
        var card = Assert.Single(document.Items);
        Assert.Equal("Plan", document.Title);
        Assert.Equal("TODO", document.Source.Slice(card.Status!.Span));
        Assert.Equal("Rate limiting [1/2]", document.Source.Slice(card.TitleSpan));
        Assert.Equal(new LinePosition(2, 1), card.Position);
        Assert.Equal("2026-02-01 Sun", document.Source.Slice(card.Due!.Span));
        Assert.Equal(":api:", document.Source.Slice(card.Fields.Single(f => f.Key == "TAGS").ValueSpan));
        Assert.Equal(["[X]", "[ ]"], card.Criteria.Select(c => document.Source.Slice(c.MarkerSpan)));
        Assert.Equal(["design", "tests"], card.Criteria.Select(c => document.Source.Slice(c.TextSpan)));
        Assert.Equal(new LinePosition(5, 3), card.Criteria[1].Position);
        Assert.EndsWith("- [ ] tests", document.Source.Slice(card.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_does_not_hide_the_first_headline()
    {
        var document = DocumentReader.Default.Read("plan.org", [0xEF, 0xBB, 0xBF, .. "* TODO first\n"u8]);
        Assert.Equal("first", Assert.Single(document.Items).Title);
        Assert.Equal(DocumentFormat.Org, document.Format);
    }

    [Fact]
    public void Markdown_files_are_not_read_as_org()
    {
        var document = DocumentReader.Default.Read("plan.md", SourceText.FromString("* TODO first\n- [ ] a\n"));
        Assert.Equal(DocumentFormat.Markdown, document.Format);
        Assert.Equal("a", Assert.Single(document.Items).Title);
    }
}
