using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Tests.Support;
using Punchlist.Text;

namespace Punchlist.Tests.Reading;

/// <summary>
/// The reader accepts any input: it never throws, never hangs, and reads the same bytes the same way
/// twice. Fed every corpus file and mutated copies of them, then random byte strings.
/// </summary>
public sealed class FuzzTests
{
    public static IEnumerable<object[]> Corpus() => Repo.CorpusCases();

    [CorpusTheory]
    [MemberData(nameof(Corpus))]
    public void Reader_survives_mutations_of_corpus_file(string caseName)
    {
        byte[] original = File.ReadAllBytes(Repo.CorpusPath(caseName));
        var random = new Random(caseName.GetHashCode(StringComparison.Ordinal) ^ 0x5EED);
        string path = "fuzz" + Path.GetExtension(caseName);
        foreach (var (name, bytes) in Mutations(original, random))
        {
            var first = ReadSafely(bytes, $"{caseName} ({name})", path);
            var second = ReadSafely(bytes, $"{caseName} ({name}) again", path);
            Assert.True(Fingerprint(first) == Fingerprint(second), $"{caseName} ({name}) read differently twice");
            Assert.True(first.Source.Bytes.AsSpan().SequenceEqual(bytes), $"{caseName} ({name}) lost its bytes");
        }
    }

    [Theory]
    [InlineData(10_000, "- [ ] x\n", 2)]
    [InlineData(10_000, "> ", 0)]
    [InlineData(10_000, "* ", 2)]
    [InlineData(10_000, "[", 0)]
    [InlineData(10_000, "*", 0)]
    public void Reader_survives_10000_deep_nesting(int depth, string unit, int indent)
    {
        var text = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            text.Append(' ', indent * i).Append(unit);
            if (!unit.EndsWith('\n'))
            {
                continue;
            }
        }

        text.Append("- [ ] last\n");
        var document = ReadSafely(Encoding.UTF8.GetBytes(text.ToString()), $"{depth} × '{unit.Trim()}'");
        Assert.NotNull(document);
        if (unit.StartsWith("- [ ]", StringComparison.Ordinal))
        {
            // Past Markdig's depth limit the line reader still finds every box.
            Assert.Equal(depth + 1, document.Checkboxes.Count);
            Assert.Contains(document.Notes, n => n.Message.Contains("line by line", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Reader_survives_random_bytes()
    {
        var property = Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Elements(Alphabet))), (byte[] bytes) =>
        {
            var first = DocumentReader.Default.Read("random.md", bytes);
            var second = DocumentReader.Default.Read("random.md", bytes);
            return Fingerprint(first) == Fingerprint(second);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000).WithEndSize(400), property);
    }

    [Fact]
    public void Reader_survives_random_documents_of_tables_marks_legends_and_strikes()
    {
        var property = Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Elements(Tokens))), (string[] tokens) =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(tokens));
            var first = DocumentReader.Default.Read("shapes.md", bytes);
            var second = DocumentReader.Default.Read("shapes.md", bytes);
            return Fingerprint(first) == Fingerprint(second) && Sound(first);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1500).WithEndSize(120), property);
    }

    [Fact]
    public void A_table_inside_the_lines_a_loose_box_owns_keeps_its_rows_in_document_order()
    {
        // Found by the property above: the table's row came out after the mark that follows it.
        string[] tokens = ["[ ] ", "`[fix]` ", "Do:", "All tasks done", "`[!]` Blocked", "✅ Done", "x", "â³", "**Success Criteria**:\n", " DONE", "|---|---|---|\n",
            " - ", "|\n", " ✅", "| ID | Task | Status | Owner |\n", "    ", "In Progress", "> ", "(Est: 2 weeks)", " | ", "\n", "❌", "In Progress", "In Progress",
            "⬜", "`[!]` Blocked", "ðŸš€", "⚠️", "Not implemented", "= Partial", "ðŸš€", "(Est: 2 weeks)", "`[!]` Blocked", " - ", ": ", "1. ", "⏳", "Days", "✅",
            "Not implemented", "x", "Legend:", "[ ] ", "All tasks done", "Not implemented", " | ", "  ", ": ", "|---|---|---|\n", "[ ] ", "1. ", "Status", " | ", "> ", "### "];
        var document = DocumentReader.Default.Read("shapes.md", Encoding.UTF8.GetBytes(string.Concat(tokens)));
        Assert.Equal([ItemKind.Mark, ItemKind.Row, ItemKind.Mark], document.Items.Select(i => i.Kind));
        Assert.True(Sound(document));
    }

    // What the new shapes are made of: table pipes and separators, status headers and cells, state
    // emoji (whole, and cut in the middle of their bytes' characters), headings, list markers, boxes,
    // strikes, DONE, legends, mojibake.
    private static readonly string[] Tokens =
    [
        "| ", " | ", "|\n", "|---|---|---|\n", "| ID | Task | Status | Owner |\n", "| Component | Dev | Prod |\n", "Status", "Owner", "Days",
        "✅", "❌", "⏸️", "⏳", "🔄", "☐", "⬜", "🟢", "⚠️", "\uFE0F", "✅ Done", "❌ غير مكتمل", "Not implemented", "Pending", "In Progress",
        "# ", "## ", "### ", "- ", "* ", "1. ", "2) ", "  ", "    ", "> ", "[x] ", "[ ] ", "[!] ", "[ X ] ", "~~", " DONE", " ✅", "`[fix]` ",
        "**", "Legend:", "## Legend\n", "`[!]` Blocked", "= Partial", " - ", ": ", "C1", "T001 [P] ", "P0 ", "All tasks done", "(Est: 2 weeks)",
        "**Status:** ", "**Success Criteria**:\n", "Do:", "ðŸš€", "Ã¢â‚¬â€", "â³", "\n", "\n\n", "text ", "Load Balancer", "x",
    ];

    // What a reading must always be: items inside the text in document order, rows with their table,
    // marks with a box, criteria inside the text, GFM's boxes only among the document's checkboxes.
    private static bool Sound(TrackerDocument d)
    {
        int length = d.Source.Text.Length;
        int previous = -1;
        foreach (var item in d.Items)
        {
            if (item.Span.Start < previous || item.Span.End > length || item.TitleSpan.End > length
                || (item.Kind == ItemKind.Row && item.Table is null) || (item.Kind == ItemKind.Mark && item.Box is null)
                || item.Criteria.Any(c => c.MarkerSpan.End > length || c.MarkerSpan.Start < 0))
            {
                return false;
            }

            previous = item.Span.Start;
        }

        return d.Checkboxes.All(b => b.Style == BoxStyle.Task);
    }

    // Bytes that matter to Markdown and to the reader, so random input hits real structure.
    private static readonly byte[] Alphabet =
        [.. "-*+>#[]x /~!`|:\n\r\t 0123456789PMH-_()<>!*"u8.ToArray(), 0x00, 0xC3, 0xA9, 0xF0, 0x9F, 0x94, 0xB4, 0xE2, 0x80, 0x99, 0xEF, 0xBF, 0xBD, 0xFF];

    internal static IEnumerable<(string Name, byte[] Bytes)> Mutations(byte[] original, Random random)
    {
        yield return ("as is", original);
        yield return ("truncated to half", original[..(original.Length / 2)]);
        yield return ("truncated mid-character", original[..Math.Max(0, (original.Length / 3) | 1)]);
        string text = Encoding.UTF8.GetString(original);
        var lines = text.Split('\n');
        yield return ("lines shuffled", Encoding.UTF8.GetBytes(string.Join("\n", lines.OrderBy(_ => random.Next()))));
        yield return ("CR line endings", Encoding.UTF8.GetBytes(text.Replace("\n", "\r", StringComparison.Ordinal)));
        yield return ("CRLF line endings", Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)));
        yield return ("NUL injected", Inject(original, random, [0x00], 20));
        yield return ("invalid UTF-8 injected", Inject(original, random, [0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80], 20));
        yield return ("BOM added", [0xEF, 0xBB, 0xBF, .. original]);
        yield return ("every line indented", Encoding.UTF8.GetBytes(string.Join("\n", lines.Select((l, i) => new string(' ', i % 9) + l))));
        yield return ("every line quoted", Encoding.UTF8.GetBytes(string.Join("\n", lines.Select(l => "> " + l))));
        yield return ("boxes written as emoji", Encoding.UTF8.GetBytes(text.Replace("[x] ", "✅ ", StringComparison.Ordinal).Replace("[ ] ", "❌ ", StringComparison.Ordinal)));
        yield return ("lines in table cells", Encoding.UTF8.GetBytes(string.Join("\n", lines.Select((l, i) => i == 1 ? "|---|---|" : $"| {l.Replace("|", "/", StringComparison.Ordinal)} | {(i % 3 == 0 ? "✅" : "⏸️")} |"))));
        yield return ("lines struck through", Encoding.UTF8.GetBytes(string.Join("\n", lines.Select((l, i) => i % 2 == 0 ? $"- ~~{l}~~ DONE" : $"- {l}"))));
    }

    private static byte[] Inject(byte[] original, Random random, byte[] what, int times)
    {
        var result = new List<byte>(original);
        for (int i = 0; i < times && result.Count > 0; i++)
        {
            result.InsertRange(random.Next(result.Count), what);
        }

        return [.. result];
    }

    internal static TrackerDocument ReadSafely(byte[] bytes, string what, string path = "fuzz.md")
    {
        try
        {
            return DocumentReader.Default.Read(path, bytes);
        }
        catch (Exception e)
        {
            Assert.Fail($"the reader threw on {what}: {e}");
            throw;
        }
    }

    internal static string Fingerprint(TrackerDocument d) =>
        string.Join("|", d.Items.Select(i => $"{i.Key}:{i.State}:{i.CriteriaChecked}/{i.CriteriaTotal}:{i.Span}"))
        + "#" + string.Join("|", d.Checkboxes.Select(b => b.MarkerSpan.Start))
        + "#" + string.Join("|", d.Notes.Select(n => n.Message))
        + "#" + d.Encoding.Damages.Count;
}
