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

    [Fact]
    public void A_document_nested_past_the_probe_depth_is_read_line_by_line_and_says_why()
    {
        var deep = DocumentReader.Default.Read("deep.md", Encoding.UTF8.GetBytes("# Deep\n\n" + new string('>', NestingProbe.MaxDepth) + " - [ ] quoted\n"));
        Assert.Equal("quoted", Assert.Single(deep.Checkboxes).Text);
        Assert.Contains(deep.Notes, n => n.Message.Contains($"more than {NestingProbe.MaxDepth} deep", StringComparison.Ordinal));

        var shallow = DocumentReader.Default.Read("shallow.md", Encoding.UTF8.GetBytes("# Shallow\n\n" + new string('>', NestingProbe.MaxDepth - 1) + " - [ ] quoted\n"));
        Assert.DoesNotContain(shallow.Notes, n => n.Message.Contains("line by line", StringComparison.Ordinal));
    }
}
