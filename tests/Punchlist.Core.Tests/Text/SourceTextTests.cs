using System.Text;
using Punchlist.Text;

namespace Punchlist.Tests.Text;

public sealed class SourceTextTests
{
    [Fact]
    public void A_bom_is_kept_in_the_bytes_and_left_out_of_the_text()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "- [ ] é\n"u8];
        var source = SourceText.FromBytes(bytes);
        Assert.Equal(TextEncodingKind.Utf8WithBom, source.Encoding);
        Assert.Equal("- [ ] é\n", source.Text);
        Assert.Equal(3, source.ToByteOffset(0));
        Assert.Equal(3 + 6 + 2, source.ToByteOffset(7)); // "- [ ] " is 6 bytes, é is 2
    }

    [Fact]
    public void Invalid_utf8_becomes_replacement_characters_whose_byte_offsets_stay_exact()
    {
        byte[] bytes = [.. "a"u8, 0xFF, 0xFE, .. "b"u8, 0xED, 0xA0, 0x80, .. "c"u8];
        var source = SourceText.FromBytes(bytes);
        Assert.True(source.HasInvalidBytes);
        int c = source.Text.IndexOf('c', StringComparison.Ordinal);
        int b = source.Text.IndexOf('b', StringComparison.Ordinal);
        Assert.Equal(Array.IndexOf(bytes, (byte)'c'), source.ToByteOffset(c));
        Assert.Equal(Array.IndexOf(bytes, (byte)'b'), source.ToByteOffset(b));
        Assert.Equal(bytes, source.Bytes);
    }

    [Fact]
    public void Utf16_files_with_a_bom_are_read()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("- [x] done\n")];
        var source = SourceText.FromBytes(bytes);
        Assert.Equal(TextEncodingKind.Utf16LittleEndian, source.Encoding);
        Assert.Equal("- [x] done\n", source.Text);
        Assert.Equal(2 + 4, source.ToByteOffset(2));
    }

    [Theory]
    [InlineData("a\nb\r\nc\rd", 7, 4, 1)]
    [InlineData("a\nb\r\nc\rd", 8, 4, 2)]
    [InlineData("a\nb\r\nc\rd", 2, 2, 1)]
    [InlineData("a\nb\r\nc\rd", 5, 3, 1)]
    [InlineData("", 0, 1, 1)]
    public void Lines_end_at_lf_crlf_and_lone_cr(string text, int offset, int line, int column)
    {
        Assert.Equal(new LinePosition(line, column), SourceText.FromString(text).PositionOf(offset));
    }

    [Fact]
    public void Folding_ignores_case_accents_emoji_and_punctuation()
    {
        Assert.Equal("infrastructure devops", TextFold.Words("⚙️ Infrastructure & DevOps"));
        Assert.Equal("creme brulee strasse", TextFold.Words("Crème Brûlée — Straße"));
        Assert.Equal("ci-cd-pipeline", TextFold.Slug("CI/CD Pipeline"));
    }
}
