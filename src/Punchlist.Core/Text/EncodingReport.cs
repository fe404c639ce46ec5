namespace Punchlist.Text;

/// <summary>
/// The encoding damage of one document, decided for the document as a whole: mojibake is repaired
/// only when the document is consistently damaged, because a lone `Ã©` in a page about encodings is
/// more likely an example than an accident.
/// </summary>
public sealed class EncodingReport
{
    public static readonly EncodingReport Clean = new(null, []);

    private EncodingReport(Mojibake? codePage, IReadOnlyList<EncodingDamage> damages)
    {
        CodePage = codePage;
        Damages = damages;
    }

    /// <summary>The code page the document was misread as, when that is certain; otherwise null.</summary>
    public Mojibake? CodePage { get; }

    /// <summary>Every damaged run, in document order.</summary>
    public IReadOnlyList<EncodingDamage> Damages { get; }

    /// <summary>The text as it was meant to read (unchanged when the document is not certainly damaged).</summary>
    public string Repair(string text) => CodePage is null ? text : CodePage.Repair(text, _minimumRun);

    public static EncodingReport Analyze(SourceText source)
    {
        string text = source.Text;
        if (text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F') < 0)
        {
            return Clean;
        }

        var (codePage, strongOnly) = ChooseCodePage(text);
        var damages = new List<EncodingDamage>();
        if (codePage is not null)
        {
            damages.AddRange(codePage.Runs(text).Where(d => !strongOnly || IsStrong(d)));
        }

        AddReplacementCharacters(source, damages);
        if (codePage is null && damages.Count == 0)
        {
            return Clean;
        }

        damages.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new EncodingReport(codePage, damages) { _minimumRun = strongOnly ? StrongRun : 1 };
    }

    // In a document that also holds clean UTF-8 (repaired in part, or edited since), only runs no text
    // could be are damage: a sequence of three or more characters that decodes (`âœ…`, `ðŸ·ï¸`).
    private const int StrongRun = 3;

    private int _minimumRun = 1;

    private static bool IsStrong(EncodingDamage damage) =>
        damage.Span.Length >= StrongRun || damage.IsReplacementImage || (damage.Candidates is not null && damage.Original[0] is 'á' or 'â' or 'ã' or 'ä' or 'å' or 'æ' or 'ç' or 'è' or 'é' or 'ê' or 'ë' or 'ì' or 'í' or 'î' or 'ï' or 'ð');

    // The code page whose damage explains the document: every non-ASCII character must sit in a
    // run it decodes (a repair, a lost byte, a replacement character), and the evidence must be
    // strong — a multi-byte symbol such as an emoji, or several repairs. One `Ã©` beside a real `é`
    // is an example in a page about encodings, not damage.
    // A document that also holds clean UTF-8 is damaged only where the runs are strong: the page that
    // explains the most of them, if they are strong enough on their own (see IsStrong).
    private static (Mojibake? CodePage, bool StrongOnly) ChooseCodePage(string text)
    {
        Mojibake? best = null, bestStrong = null;
        int bestCovered = 0, bestStrongCovered = 0;
        foreach (var candidate in new[] { Mojibake.Windows1252, Mojibake.MacRoman })
        {
            var runs = candidate.Scan(text, includeLostBytes: true);
            int repairable = runs.Count(r => r.Repaired is not null);
            int strong = runs.Count(r => r.Span.Length >= StrongRun && !r.IsReplacementImage);
            int covered = runs.Sum(r => r.Span.Length);
            bool consistent = repairable > 0 && (strong >= 1 || repairable >= 3) && CleanNonAscii(text, runs) == 0;
            if (consistent && covered > bestCovered)
            {
                best = candidate;
                bestCovered = covered;
            }

            int strongCovered = runs.Where(r => r.Span.Length >= StrongRun && !r.IsReplacementImage).Sum(r => r.Span.Length);
            if (strong >= 1 && strongCovered > bestStrongCovered)
            {
                bestStrong = candidate;
                bestStrongCovered = strongCovered;
            }
        }

        return best is not null ? (best, false) : (bestStrong, bestStrong is not null);
    }

    private static int CleanNonAscii(string text, List<EncodingDamage> runs)
    {
        int clean = 0, next = 0;
        for (int i = 0; i < text.Length; i++)
        {
            while (next < runs.Count && runs[next].Span.End <= i)
            {
                next++;
            }

            bool inRun = next < runs.Count && runs[next].Span.Contains(i);
            if (text[i] > '\u007F' && text[i] != '\uFFFD' && !inRun)
            {
                clean++;
            }
        }

        return clean;
    }

    // U+FFFD in the text, whether the file holds it or invalid bytes became it; adjacent ones form one run.
    private static void AddReplacementCharacters(SourceText source, List<EncodingDamage> damages)
    {
        string text = source.Text;
        var invalid = source.HasInvalidBytes ? new HashSet<int>(source.InvalidByteOffsets) : null;
        int i = text.IndexOf('\uFFFD', StringComparison.Ordinal);
        while (i >= 0)
        {
            int start = i;
            while (i < text.Length && text[i] == '\uFFFD')
            {
                i++;
            }

            var span = TextSpan.FromBounds(start, i);
            if (!damages.Exists(d => d.Span.OverlapsWith(span)))
            {
                bool fromBytes = invalid is not null && invalid.Contains(start);
                damages.Add(new EncodingDamage(span, EncodingDamageKind.Unrepairable, text[start..i], null,
                    fromBytes
                        ? "invalid UTF-8 bytes: the file is not valid UTF-8 here and the intended text cannot be recovered"
                        : "U+FFFD replacement character: the original character was lost before this file was saved"));
            }

            i = i < text.Length ? text.IndexOf('\uFFFD', i) : -1;
        }
    }
}
