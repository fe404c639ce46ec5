using System.Text;
using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Reading;

/// <summary>
/// Paragraphs of plain text skip Markdig's inline pass and are read from their lines instead; that
/// must change nothing. Every corpus file, every spec input and the awkward cases below are read
/// both ways and compared: titles, texts, spans, references, fields and notes.
/// </summary>
public sealed class PlainParagraphTests
{
    private static readonly DocumentReader EveryInline = new(ReaderOptions.Default) { SkipPlainInlines = false };

    public static IEnumerable<object[]> Awkward() =>
    [
        ["quoted continuation", "> - [ ] first line\n>   continued here\n> - [x] P0-001 mentioned\n"],
        ["lazy continuation", "- [ ] a task\nthat goes on lazily\n  and on P1-002\n"],
        ["crlf and tabs", "- [ ]\ttabbed  title   with   gaps\r\n- [x] second\r\n  line\r\n"],
        ["hard break", "- [ ] title  \n  second line after a hard break\n"],
        ["backslash break", "- [ ] title\\\n  second line\n"],
        ["nul", "- [ ] with \0 inside\n"],
        ["shortcut link on the box", "[x]: https://example.com\n\n- [x] done\n\n[x] bare box line\n"],
        ["only a box on its line", "- [ ]\n  title on the next line\n"],
        ["bang and pipes", "- [ ] wow! no image\n- [ ] a | b\n"],
        ["multi-paragraph item", "- [ ] first\n\n  second paragraph names TASK-12\n\n  third\n"],
        ["card prose", "## P0-001: Card\n\nPlain prose that names P0-002 and MH-003.\n\n- [ ] criterion\n"],
        ["ordered wide", "100. [ ] wide ordered\n    4 spaces in\n"],
        ["trailing spaces at end", "- [ ] title   \n"],
        ["entity and code", "- [ ] a &amp; b `code/path.md`\n"],
    ];

    [Theory]
    [MemberData(nameof(Awkward))]
    public void Awkward_paragraphs_read_the_same_with_and_without_the_inline_pass(string name, string markdown)
    {
        AssertSame(name, Encoding.UTF8.GetBytes(markdown));
    }

    [Fact]
    public void Every_corpus_file_and_spec_input_reads_the_same_with_and_without_the_inline_pass()
    {
        var inputs = Repo.CorpusFiles().Select(f => (Repo.CaseName(f), File.ReadAllBytes(f)))
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "tests", "Punchlist.Core.Tests", "Reading", "Specs"), "*.md")
                .SelectMany(f => SpecFile.Load(f).Cases.Select(c => ($"{Path.GetFileName(f)}: {c.Name}", Encoding.UTF8.GetBytes(c.Input)))));
        foreach (var (name, bytes) in inputs)
        {
            AssertSame(name, bytes);
        }
    }

    private static void AssertSame(string name, byte[] bytes)
    {
        string expected = Fingerprint(EveryInline.Read(name, bytes));
        string actual = Fingerprint(DocumentReader.Default.Read(name, bytes));
        Assert.True(expected == actual, $"{name} reads differently without the inline pass:\n{actual}\nexpected:\n{expected}");
    }

    private static string Fingerprint(TrackerDocument document)
    {
        var text = new StringBuilder();
        foreach (var item in document.Items)
        {
            text.Append($"item {item.Key} \"{item.Title}\" {item.TitleSpan} {item.Position} {item.Span}\n");
            foreach (var r in item.References)
            {
                text.Append($"  ref {r.Kind} {r.Target} {r.Role} {r.Span}\n");
            }

            foreach (var f in item.Fields)
            {
                text.Append($"  field {f.Key}={f.Value} {f.KeySpan} {f.ValueSpan}\n");
            }
        }

        foreach (var box in document.Checkboxes)
        {
            text.Append($"box {box.Marker} \"{box.Text}\" {box.TextSpan} {box.ItemSpan} {box.Position} depth={box.Depth}\n");
        }

        foreach (var r in document.References)
        {
            text.Append($"doc ref {r.Kind} {r.Target} {r.Role} {r.Span}\n");
        }

        foreach (var f in document.Metadata)
        {
            text.Append($"meta {f.Key}={f.Value} {f.KeySpan} {f.ValueSpan}\n");
        }

        foreach (var section in document.Sections)
        {
            text.Append($"section {section.Title} {section.TitleSpan} {section.Extent}\n");
        }

        foreach (var table in document.Tables)
        {
            text.Append($"table {table.Span} rows={table.Rows.Count}\n");
        }

        foreach (var note in document.Notes)
        {
            text.Append($"note {note.Position} {note.Message}\n");
        }

        return text.ToString();
    }
}
