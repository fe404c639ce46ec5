using Punchlist.Editing;
using Punchlist.Text;

namespace Punchlist.Tests.Editing;

/// <summary>Edits applied to a string, as a finding shows its fix: the same result as splicing them into the file.</summary>
public sealed class TextEditsTests
{
    [Fact]
    public void Edits_in_any_order_apply_to_a_cut_out_of_the_document()
    {
        const string document = "**Completion:** 0/50 (0%)";
        int origin = document.IndexOf('0', StringComparison.Ordinal);
        string claim = document[origin..];
        TextEdit[] edits = [new(new TextSpan(origin + 6, 1), "12"), new(new TextSpan(origin + 2, 2), "23")];

        Assert.Equal("0/23 (12%)", TextEdits.Apply(claim, edits, origin));
        Assert.Equal(Splice.Apply(SourceText.FromString(document), edits).Text[origin..], TextEdits.Apply(claim, edits.Reverse(), origin));
    }

    [Fact]
    public void An_insertion_goes_before_a_replacement_that_starts_with_it_as_splice_puts_it()
    {
        var source = SourceText.FromString("| 50 |");
        TextEdit[] edits = [new(new TextSpan(2, 2), "23"), new(new TextSpan(2, 0), "**")];

        Assert.Equal("| **23 |", TextEdits.Apply(source.Text, edits));
        Assert.Equal(Splice.Apply(source, edits).Text, TextEdits.Apply(source.Text, edits));
    }

    [Fact]
    public void Overlapping_edits_are_refused()
    {
        TextEdit[] edits = [new(new TextSpan(0, 3), "x"), new(new TextSpan(2, 2), "y")];
        Assert.Throws<ArgumentException>(() => TextEdits.Apply("abcdef", edits));
    }
}
