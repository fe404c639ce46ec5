using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Punchlist.Editing;
using Punchlist.Reading;
using Punchlist.Tests.Support;
using Punchlist.Text;

namespace Punchlist.Tests.Editing;

/// <summary>
/// Over every corpus file, and over copies of it with CRLF endings, a BOM and invalid bytes: a read
/// followed by no edit gives back the same bytes, and random sets of non-overlapping edits change
/// exactly their spans — checked against bytes assembled independently, and by undoing the edits.
/// </summary>
public sealed class SpliceProperties
{
    public const int CasesPerFile = 60;

    private static readonly string[] Replacements = ["", "x", "23", "🔴", "é", "\r\n", "\uFFFD", "[x]", "≥ 5/23 (21%)", "\t "];

    public static IEnumerable<object[]> Corpus() => Repo.CorpusCases();

    [CorpusTheory]
    [MemberData(nameof(Corpus))]
    public void Reading_and_applying_no_edit_keeps_every_byte(string caseName)
    {
        foreach (var (variant, bytes) in Variants(File.ReadAllBytes(Repo.CorpusPath(caseName))))
        {
            // Compared with a copy: the reader keeps the array it is given, so comparing with that
            // array would compare it with itself.
            byte[] original = [.. bytes];
            var document = DocumentReader.Default.Read(Path.GetFileName(caseName), bytes);
            Assert.True(Splice.Apply(document.Source, []).Bytes.AsSpan().SequenceEqual(original), $"{caseName} ({variant})");

            // Every item's span replaced by its own text is no change at all.
            var same = document.Items.Select(i => new TextEdit(i.Span, document.Source.Slice(i.Span))).Take(1)
                .Concat(document.Checkboxes.Select(b => new TextEdit(b.MarkerSpan, document.Source.Slice(b.MarkerSpan))));
            var set = new EditSet();
            foreach (var edit in same)
            {
                set.TryAdd(edit, out _);
            }

            Assert.True(Splice.Apply(document.Source, set.Edits).Bytes.AsSpan().SequenceEqual(bytes), $"{caseName} ({variant}) changed under identity edits");
        }
    }

    [CorpusTheory]
    [MemberData(nameof(Corpus))]
    public void Random_edits_change_exactly_their_spans(string caseName)
    {
        foreach (var (variant, bytes) in Variants(File.ReadAllBytes(Repo.CorpusPath(caseName))))
        {
            var source = SourceText.FromBytes(bytes);
            var property = Prop.ForAll(Arb.From(EditsFor(source.Text)), (TextEdit[] edits) => Holds(source, edits, $"{caseName} ({variant})"));
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(CasesPerFile).WithReplay(Seed(caseName + variant), 0x9E3779B97F4A7C15), property);
        }
    }

    private static bool Holds(SourceText source, TextEdit[] offered, string what)
    {
        var set = new EditSet();
        foreach (var edit in offered)
        {
            set.TryAdd(edit, out _);
        }

        var edits = set.Edits;
        var edited = Splice.Apply(source, edits);

        // Independently: original bytes between the edits (each offset mapped on its own), new text encoded.
        var expected = new List<byte>();
        int at = 0;
        var text = new StringBuilder();
        int textAt = 0;
        foreach (var edit in edits.Select(e => Changed(source.Text, e)))
        {
            int start = source.ToByteOffset(edit.Span.Start);
            expected.AddRange(source.Bytes.AsSpan(at, start - at).ToArray());
            expected.AddRange(source.Encode(edit.NewText));
            at = source.ToByteOffset(edit.Span.End);
            text.Append(source.Text, textAt, edit.Span.Start - textAt).Append(edit.NewText);
            textAt = edit.Span.End;
        }

        expected.AddRange(source.Bytes.AsSpan(at).ToArray());
        text.Append(source.Text, textAt, source.Text.Length - textAt);
        Assert.True(edited.Bytes.AsSpan().SequenceEqual(expected.ToArray()), $"{what}: bytes differ from the independent splice");
        Assert.Equal(text.ToString(), edited.Text);
        Assert.Equal(source.Encoding, edited.Encoding);

        // Undoing the edits gives the original bytes back, unless an edit replaced invalid bytes (lost on purpose).
        if (!edits.Any(e => source.Slice(e.Span).Contains('\uFFFD', StringComparison.Ordinal)))
        {
            var undo = new List<TextEdit>();
            int shift = 0;
            foreach (var edit in Coalesced(edits))
            {
                undo.Add(new TextEdit(new TextSpan(edit.Span.Start + shift, edit.NewText.Length), source.Slice(edit.Span)));
                shift += edit.NewText.Length - edit.Span.Length;
            }

            Assert.True(Splice.Apply(edited, undo).Bytes.AsSpan().SequenceEqual(source.Bytes), $"{what}: undoing the edits did not restore the bytes");
        }

        return true;
    }

    // Touching edits become one, so that their undoing is not two inserts at one place.
    private static List<TextEdit> Coalesced(IReadOnlyList<TextEdit> edits)
    {
        var result = new List<TextEdit>();
        foreach (var edit in edits.Where(e => !(e.Span.IsEmpty && e.NewText.Length == 0)))
        {
            if (result.Count > 0 && result[^1].Span.End == edit.Span.Start)
            {
                result[^1] = new TextEdit(TextSpan.FromBounds(result[^1].Span.Start, edit.Span.End), result[^1].NewText + edit.NewText);
            }
            else
            {
                result.Add(edit);
            }
        }

        return result;
    }

    // The contract: only characters that differ are written (so invalid bytes beside a change survive).
    private static TextEdit Changed(string text, TextEdit edit)
    {
        string old = text.Substring(edit.Span.Start, edit.Span.Length), now = edit.NewText;
        int head = 0;
        while (head < old.Length && head < now.Length && old[head] == now[head] && !(char.IsHighSurrogate(old[head]) && (head + 1 >= old.Length || head + 1 >= now.Length || old[head + 1] != now[head + 1])))
        {
            head++;
        }

        int tail = 0;
        while (tail < old.Length - head && tail < now.Length - head && old[^(tail + 1)] == now[^(tail + 1)] && !(char.IsLowSurrogate(old[^(tail + 1)]) && (tail + 2 > old.Length - head || tail + 2 > now.Length - head || old[^(tail + 2)] != now[^(tail + 2)])))
        {
            tail++;
        }

        return new TextEdit(TextSpan.FromBounds(edit.Span.Start + head, edit.Span.End - tail), now.Substring(head, now.Length - head - tail));
    }

    private static Gen<TextEdit[]> EditsFor(string text)
    {
        var point = Gen.Choose(0, text.Length).Select(p => p > 0 && p < text.Length && char.IsLowSurrogate(text[p]) ? p - 1 : p);
        var edit = from a in point
                   from length in Gen.Frequency((3, Gen.Choose(0, 8)), (1, Gen.Choose(0, 400)))
                   from replacement in Gen.Elements(Replacements)
                   let end = Math.Min(text.Length, a + length)
                   let safeEnd = end > 0 && end < text.Length && char.IsLowSurrogate(text[end]) ? end + 1 : end
                   select new TextEdit(TextSpan.FromBounds(a, safeEnd), replacement);
        return Gen.Choose(0, 12).SelectMany(n => edit.ArrayOf(n));
    }

    // Reproducible runs: the same cases for the same file every time (FNV-1a of its name).
    private static ulong Seed(string name)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        return hash;
    }

    /// <summary>The file as it is, and the shapes editing must also survive.</summary>
    internal static IEnumerable<(string Name, byte[] Bytes)> Variants(byte[] original)
    {
        yield return ("as is", original);
        string text = Encoding.UTF8.GetString(original);
        yield return ("CRLF", Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n")));
        yield return ("BOM", [0xEF, 0xBB, 0xBF, .. original]);
        var random = new Random(original.Length);
        var withInvalid = new List<byte>(original);
        for (int i = 0; i < 8 && withInvalid.Count > 0; i++)
        {
            withInvalid.InsertRange(random.Next(withInvalid.Count), [0xFF, 0xC3]);
        }

        yield return ("invalid bytes", [.. withInvalid]);
    }
}
