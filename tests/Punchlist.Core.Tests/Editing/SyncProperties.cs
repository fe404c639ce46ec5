using Punchlist.Editing.Sync;
using Punchlist.Tests.Support;
using Punchlist.Text;

namespace Punchlist.Tests.Editing;

/// <summary>
/// Over every corpus file, as it is and with CRLF endings, a BOM or invalid bytes: a sync with every
/// option is idempotent, never adds or removes a line, keeps every line ending, and changes only
/// the lines its changes name.
/// </summary>
public sealed class SyncProperties
{
    private static readonly SyncOptions Everything = new() { Statuses = true, Encoding = true, Touch = true };

    public static IEnumerable<object[]> Corpus() => Repo.CorpusCases();

    [CorpusTheory]
    [MemberData(nameof(Corpus))]
    public void Sync_is_idempotent_and_keeps_lines_and_their_endings(string caseName)
    {
        foreach (var (variant, bytes) in SpliceProperties.Variants(File.ReadAllBytes(Repo.CorpusPath(caseName))))
        {
            string what = $"{caseName} ({variant})";
            var original = SourceText.FromBytes(bytes);
            string path = Path.GetFileName(caseName);
            var first = SyncSpecTests.Sync(original, Everything, path: path);
            var second = SyncSpecTests.Sync(first.Final, Everything, path: path);
            Assert.False(second.Changed, $"{what}: a second sync changed it again:\n{second.Diff()}");

            Assert.Equal(original.Encoding, first.Final.Encoding);
            Assert.Equal(Endings(original.Text), Endings(first.Final.Text));
            var changedLines = first.Changes.Select(c => c.Position.Line).ToHashSet();
            var before = original.Lines;
            var after = first.Final.Lines;
            for (int line = 0; line < before.LineCount; line++)
            {
                string old = original.Text[before.LineSpan(original.Text, line).Start..before.LineSpan(original.Text, line).End];
                string now = first.Final.Text[after.LineSpan(first.Final.Text, line).Start..after.LineSpan(first.Final.Text, line).End];
                Assert.True(old == now || changedLines.Contains(line + 1), $"{what}: line {line + 1} changed without a change naming it");
            }
        }
    }

    // Every line ending in order: LF, CRLF or CR.
    private static string Endings(string text)
    {
        var endings = new System.Text.StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r')
            {
                bool crlf = i + 1 < text.Length && text[i + 1] == '\n';
                endings.Append(crlf ? 'W' : 'R');
                i += crlf ? 1 : 0;
            }
            else if (text[i] == '\n')
            {
                endings.Append('N');
            }
        }

        return endings.ToString();
    }
}
