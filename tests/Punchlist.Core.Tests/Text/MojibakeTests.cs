using Punchlist.Text;

namespace Punchlist.Tests.Text;

/// <summary>Repair is decided by the whole document; a lone example of mojibake is not damage.</summary>
public sealed class MojibakeTests
{
    private static EncodingReport Analyze(string text) => EncodingReport.Analyze(SourceText.FromString(text));

    [Fact]
    public void Windows1252_emoji_and_arrows_are_repaired()
    {
        const string Damaged = "# ðŸ”´ Must Have\nRename `a/` â†’ `b/`\nâ‰¥18 files\n";
        var report = Analyze(Damaged);
        Assert.Equal("Windows-1252", report.CodePage?.Name);
        Assert.Equal("# 🔴 Must Have\nRename `a/` → `b/`\n≥18 files\n", report.Repair(Damaged));
    }

    [Fact]
    public void MacRoman_is_told_apart_from_windows1252()
    {
        var report = Analyze("## ‚öôÔ∏è Infrastructure\n## \uF8FFüîí Security\n");
        Assert.Equal("MacRoman", report.CodePage?.Name);
        Assert.Equal("## ⚙️ Infrastructure", report.Repair("## ‚öôÔ∏è Infrastructure"));
    }

    [Theory]
    [InlineData("Ã© is what é looks like when misread.")]
    [InlineData("Two examples: Ã© and Ã¨, and nothing else.")]
    [InlineData("naïve café — correctly encoded text")]
    public void Correct_or_example_text_is_not_repaired(string text)
    {
        var report = Analyze(text);
        Assert.Null(report.CodePage);
        Assert.Equal(text, report.Repair(text));
        Assert.DoesNotContain(report.Damages, d => d.Kind == EncodingDamageKind.Repairable);
    }

    [Fact]
    public void A_consistently_damaged_latin_document_is_repaired()
    {
        // à is C3 A0, so its mojibake is Ã followed by a no-break space.
        const string Damaged = "CafÃ© crÃ¨me, dÃ©jÃ\u00A0vu, Ã\u00A0la carte";
        Assert.Equal("Café crème, déjàvu, àla carte", Analyze(Damaged).Repair(Damaged));
    }

    [Fact]
    public void A_lost_byte_is_reported_with_its_candidates_and_never_guessed()
    {
        var report = Analyze("ðŸ”´ ok\nâ³ pending\n");
        var lost = Assert.Single(report.Damages, d => d.Original == "â³");
        Assert.Equal(EncodingDamageKind.Unrepairable, lost.Kind);
        Assert.Null(lost.Repaired);
        Assert.Contains("⏳", lost.Explanation, StringComparison.Ordinal);
        Assert.Equal("🔴 ok\nâ³ pending\n", report.Repair("ðŸ”´ ok\nâ³ pending\n"));
    }

    [Fact]
    public void A_misread_replacement_character_is_marked_where_it_is_found_and_no_other_damage_is()
    {
        var report = Analyze("ðŸ”´ ok\nï¿½ lost\nâ³ pending\n\uFFFD gone\n");
        var image = Assert.Single(report.Damages, d => d.IsReplacementImage);
        Assert.Equal("ï¿½", image.Original);
        Assert.Equal(report.CodePage!.ReplacementImage, image.Original);
        Assert.Equal(EncodingDamageKind.Unrepairable, image.Kind);
        Assert.Equal(4, report.Damages.Count); // the repair, the image, the lost byte, the U+FFFD itself
    }

    [Fact]
    public void Invalid_bytes_are_unrepairable_damage()
    {
        var report = EncodingReport.Analyze(SourceText.FromBytes([.. "ok "u8, 0xED, 0xB3, 0x98, .. " done"u8]));
        var damage = Assert.Single(report.Damages);
        Assert.Equal(EncodingDamageKind.Unrepairable, damage.Kind);
        Assert.Contains("invalid UTF-8", damage.Explanation, StringComparison.Ordinal);
    }
}
