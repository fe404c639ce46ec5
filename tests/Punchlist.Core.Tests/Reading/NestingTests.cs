using System.Text;
using Punchlist.Reading;

namespace Punchlist.Tests.Reading;

/// <summary>W9: list markers nested on one line (`- - - [ ] x`) keep their box at any depth.</summary>
public sealed class NestingTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(1_000)]
    [InlineData(10_000)]
    public void A_box_under_markers_nested_on_one_line_is_a_task(int depth)
    {
        string line = string.Concat(Enumerable.Repeat("- ", depth)) + "[ ] nested task\n";
        var document = DocumentReader.Default.Read("nested.md", Encoding.UTF8.GetBytes("# Nested\n\n" + line));

        Assert.True(document.IsTracker);
        var box = Assert.Single(document.Checkboxes);
        Assert.Equal("nested task", box.Text);
        Assert.Equal("nested task", Assert.Single(document.Items).Title);
    }

    [Fact]
    public void Quotes_and_ordered_markers_nest_on_one_line_too()
    {
        var document = DocumentReader.Default.Read("nested.md", Encoding.UTF8.GetBytes("# N\n\n" + string.Concat(Enumerable.Repeat("> 1. - ", 200)) + "[x] deep done\n"));
        Assert.Equal("deep done", Assert.Single(document.Checkboxes).Text);
        Assert.True(document.Checkboxes[0].IsChecked);
    }
}
