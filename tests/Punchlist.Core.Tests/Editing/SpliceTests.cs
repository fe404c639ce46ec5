using System.Text;
using Punchlist.Editing;
using Punchlist.Text;

namespace Punchlist.Tests.Editing;

/// <summary>Edits replace their spans and nothing else: every other byte of the file stays as it was.</summary>
public sealed class SpliceTests
{
    private static TextEdit Edit(string text, string find, string replace)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not in the text");
        return new TextEdit(new TextSpan(at, find.Length), replace);
    }

    [Fact]
    public void No_edit_gives_the_same_bytes()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "a\r\nb  \n"u8, 0xFF, .. "\tc"u8];
        var source = SourceText.FromBytes(bytes);
        Assert.Same(source, Splice.Apply(source, []));
    }

    [Fact]
    public void A_bom_crlf_trailing_spaces_and_invalid_bytes_around_an_edit_survive()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "| Total | 50 |  \r\n"u8, 0xC3, 0x28, .. " 🔴 tail\r\n"u8];
        var source = SourceText.FromBytes(bytes);
        var edited = Splice.Apply(source, [Edit(source.Text, "50", "23")]);
        byte[] expected = [0xEF, 0xBB, 0xBF, .. "| Total | 23 |  \r\n"u8, 0xC3, 0x28, .. " 🔴 tail\r\n"u8];
        Assert.Equal(expected, edited.Bytes);
    }

    [Fact]
    public void An_edit_after_invalid_bytes_lands_on_the_right_bytes()
    {
        byte[] bytes = [.. "a"u8, 0xFF, 0xFE, 0xED, 0xA0, 0x80, .. " [ ] b"u8];
        var source = SourceText.FromBytes(bytes);
        var edited = Splice.Apply(source, [Edit(source.Text, "[ ]", "[x]")]);
        Assert.Equal([.. "a"u8, 0xFF, 0xFE, 0xED, 0xA0, 0x80, .. " [x] b"u8], edited.Bytes);
    }

    [Fact]
    public void Replacement_text_is_encoded_as_the_file_is()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("ðŸ”´ x\n")];
        var source = SourceText.FromBytes(bytes);
        var edited = Splice.Apply(source, [Edit(source.Text, "ðŸ”´", "🔴")]);
        Assert.Equal([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("🔴 x\n")], edited.Bytes);
        Assert.Equal(TextEncodingKind.Utf16LittleEndian, edited.Encoding);
    }

    [Fact]
    public void Several_edits_apply_in_order_whatever_order_they_come_in()
    {
        var source = SourceText.FromString("one two three\n");
        var edited = Splice.Apply(source, [new TextEdit(new TextSpan(8, 5), "3"), new TextEdit(new TextSpan(0, 3), "1"), new TextEdit(new TextSpan(4, 0), "+")]);
        Assert.Equal("1 +two 3\n", edited.Text);
    }

    [Theory]
    [InlineData(0, 5, 3, 4)]
    [InlineData(2, 2, 3, 0)]
    [InlineData(2, 0, 2, 0)]
    public void Overlapping_edits_are_refused(int start1, int length1, int start2, int length2)
    {
        var source = SourceText.FromString("0123456789");
        var edits = new[] { new TextEdit(new TextSpan(start1, length1), "a"), new TextEdit(new TextSpan(start2, length2), "b") };
        Assert.Throws<ArgumentException>(() => Splice.Apply(source, edits));
        var set = new EditSet();
        Assert.True(set.TryAdd(edits[0], out _));
        Assert.False(set.TryAdd(edits[1], out var conflict));
        Assert.Equal(edits[0], conflict);
    }

    [Fact]
    public void The_same_edit_twice_is_kept_once_and_touching_edits_are_fine()
    {
        var set = new EditSet();
        Assert.True(set.TryAdd(new TextEdit(new TextSpan(2, 2), "x"), out _));
        Assert.True(set.TryAdd(new TextEdit(new TextSpan(2, 2), "x"), out _));
        Assert.True(set.TryAdd(new TextEdit(new TextSpan(4, 1), "y"), out _));
        Assert.True(set.TryAdd(new TextEdit(new TextSpan(2, 0), "z"), out _));
        Assert.Equal(3, set.Count);
        Assert.Equal("01zxy56789", Splice.Apply(SourceText.FromString("0123456789"), set.Edits).Text);
    }

    [Fact]
    public void Only_what_an_edit_really_changes_is_written_so_invalid_bytes_beside_it_survive()
    {
        byte[] bytes = [.. "| "u8, 0xFF, .. " Total | 0/50 (0%) |\n"u8];
        var source = SourceText.FromBytes(bytes);
        var row = new TextSpan(0, source.Text.Length - 1);
        var edited = Splice.Apply(source, [new TextEdit(row, source.Slice(row).Replace("50", "23", StringComparison.Ordinal))]);
        Assert.Equal([.. "| "u8, 0xFF, .. " Total | 0/23 (0%) |\n"u8], edited.Bytes);
        Assert.Same(source, Splice.Apply(source, [new TextEdit(row, source.Slice(row))]));
    }

    [Fact]
    public void An_edit_that_cuts_an_emoji_in_half_is_refused()
    {
        var source = SourceText.FromString("a🔴b");
        Assert.Throws<ArgumentException>(() => Splice.Apply(source, [new TextEdit(new TextSpan(2, 1), "x")]));
        Assert.Throws<ArgumentException>(() => Splice.Apply(source, [new TextEdit(new TextSpan(0, 1), "\uD83D")]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Splice.Apply(source, [new TextEdit(new TextSpan(3, 9), "x")]));
    }

    [Fact]
    public void Byte_offsets_in_one_pass_agree_with_one_at_a_time()
    {
        var source = SourceText.FromBytes([0xEF, 0xBB, 0xBF, .. "é"u8, 0xFF, .. "🔴"u8, 0xC3, .. "z\r\n"u8]);
        var offsets = Enumerable.Range(0, source.Text.Length + 1).Where(i => i == 0 || i == source.Text.Length || !char.IsLowSurrogate(source.Text[i])).ToList();
        Assert.Equal(offsets.Select(source.ToByteOffset), source.ToByteOffsets(offsets));
    }
}
