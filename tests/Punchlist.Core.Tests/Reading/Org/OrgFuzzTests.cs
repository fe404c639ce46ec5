using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Reading.Org;

namespace Punchlist.Tests.Reading.Org;

/// <summary>
/// The Org reader accepts any input: generated Org files, random bytes and pathological nesting are
/// read without an exception, the same way twice, keeping every byte; nesting is capped; and input
/// that would make a naive reader quadratic (unclosed blocks, lines of `[[` or `=`) is read.
/// </summary>
public sealed partial class OrgFuzzTests
{
    [Fact]
    public void Reader_survives_generated_org_files()
    {
        var property = Prop.ForAll(Arb.From(OrgText.Document()), (string text) =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            var first = FuzzTests.ReadSafely(bytes, Show(text), "fuzz.org");
            var second = FuzzTests.ReadSafely(bytes, Show(text), "fuzz.org");
            Assert.Equal(DocumentFormat.Org, first.Format);
            Assert.True(first.Source.Bytes.AsSpan().SequenceEqual(bytes), $"lost bytes of {Show(text)}");
            Assert.Equal(FuzzTests.Fingerprint(first), FuzzTests.Fingerprint(second));
            Assert.All(first.Items, i => Assert.True(i.Span.End <= text.Length && i.TitleSpan.End <= text.Length));
            Assert.All(first.Checkboxes, b => Assert.Equal("[", first.Source.Slice(b.MarkerSpan)[..1]));
            Assert.All(OrgCookies.Of(first), c => Assert.True(IsCookie(first.Source.Slice(c.Span))));
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1500).WithEndSize(60).WithReplay(20260101, 77), property);
    }

    [Fact]
    public void Reader_survives_random_bytes_read_as_org()
    {
        byte[] alphabet = [.. "*#+:|[]-X xTODONE<>=~\n\r\t0123456789/%@_BEGIN_SRCEND"u8.ToArray(), 0x00, 0xC3, 0xA9, 0xF0, 0x9F, 0x94, 0xB4, 0xFF];
        var property = Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Elements(alphabet))), (byte[] bytes) =>
            FuzzTests.Fingerprint(FuzzTests.ReadSafely(bytes, "random bytes", "random.org")) == FuzzTests.Fingerprint(FuzzTests.ReadSafely(bytes, "random bytes", "random.org")));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000).WithEndSize(400), property);
    }

    [Fact]
    public void Headlines_and_lists_deeper_than_the_cap_are_read_at_the_cap()
    {
        var text = new StringBuilder();
        for (int level = 1; level <= 2_000; level++)
        {
            text.Append('*', level).Append(" TODO level\n");
        }

        for (int depth = 0; depth < 3_000; depth++)
        {
            text.Append(' ', depth).Append("- [ ] x\n");
        }

        var document = FuzzTests.ReadSafely(Encoding.UTF8.GetBytes(text.ToString()), "deep nesting", "deep.org");
        Assert.Equal(2_000, document.Items.Count(i => i.Kind == ItemKind.Card));
        Assert.Equal(3_000, document.Checkboxes.Count);
        Assert.True(document.Sections.Max(s => s.Level) <= OrgScanner.MaxDepth);
        Assert.True(document.Checkboxes.Max(b => b.Depth) < OrgScanner.MaxDepth);
        Assert.Contains(document.Notes, n => n.Message.Contains($"deeper than {OrgScanner.MaxDepth}", StringComparison.Ordinal));
    }

    // Shapes that make a naive reader quadratic: every unclosed block or drawer scanning to the next
    // headline, every `[[` or `=` scanning to the end of its line, ranges chained without end. Repeated
    // 20,000 times, a quadratic reading is hundreds of millions of steps; no time is asserted (speed is
    // measured in bench/), the test only has to finish.
    [Theory]
    [InlineData("#+BEGIN_SRC sh\n")]
    [InlineData(":DRAWER:\n")]
    [InlineData("- [ ] [[a][[[b]] =c =d [1/2] ~e ")]
    [InlineData("* TODO [[[[[[[[[[[[[[[[[[[[ ===================== [/]\n")]
    [InlineData("DEADLINE: <2026-01-01 Thu>--<2026-01-01 Thu>--")]
    public void Pathological_input_is_read(string unit)
    {
        string text = "* TODO Section\n" + string.Concat(Enumerable.Repeat(unit, 20_000));
        var document = FuzzTests.ReadSafely(System.Text.Encoding.UTF8.GetBytes(text), unit.Trim(), "pathological.org");
        Assert.NotEmpty(document.Sections);
        Assert.All(OrgCookies.Of(document), c => Assert.True(IsCookie(document.Source.Slice(c.Span))));
    }

    private static bool IsCookie(string text) => CookiePattern().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\[\d*(%|/\d*)\]$")]
    private static partial System.Text.RegularExpressions.Regex CookiePattern();

    private static string Show(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
