using System.Text;
using DiffPlex;
using Punchlist.Text;

namespace Punchlist.Editing;

/// <summary>One line of a hunk: kept (' '), removed ('-') or added ('+'), without its line ending.</summary>
public sealed record DiffLine(char Kind, string Text, bool NoNewlineAtEnd);

/// <summary>A run of changed lines with the unchanged lines around them; starts are 1-based as diff prints them.</summary>
public sealed record DiffHunk(int OldStart, int OldCount, int NewStart, int NewCount, IReadOnlyList<DiffLine> Lines);

/// <summary>
/// What changed between two versions of a file, in the unified format of `diff -u` and `git diff`.
/// DiffPlex finds the changed lines; the hunks and their headers are built here because 1.4.4, the
/// DiffPlex on our package mirror, has no unified output of its own. When both versions have the same
/// number of lines — every edit sync makes is inside a line — the lines are compared pair by pair
/// instead: Myers' algorithm costs the product of the length and the number of changes, and a sync
/// that changes every other line of 50,000 is both large.
/// </summary>
public sealed record UnifiedDiff(string Path, IReadOnlyList<DiffHunk> Hunks)
{
    public const int Context = 3;

    public bool IsEmpty => Hunks.Count == 0;

    public static UnifiedDiff Between(string path, string oldText, string newText, int context = Context)
    {
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return new UnifiedDiff(path, []);
        }

        // Pieces keep their line endings, so a changed ending is a changed line.
        string[] a = SplitLines(oldText), b = SplitLines(newText);
        var blocks = a.Length == b.Length
            ? LineByLine(a, b)
            : new Differ().CreateCustomDiffs(oldText, newText, false, SplitLines).DiffBlocks.Select(d => new Block(d.DeleteStartA, d.DeleteCountA, d.InsertStartB, d.InsertCountB)).ToList();
        var hunks = new List<DiffHunk>();
        int i = 0;
        while (i < blocks.Count)
        {
            // Blocks closer than twice the context share a hunk.
            int j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * context)
            {
                j++;
            }

            int oldFrom = Math.Max(0, blocks[i].DeleteStartA - context);
            int oldTo = Math.Min(a.Length, blocks[j].DeleteStartA + blocks[j].DeleteCountA + context);
            int newFrom = blocks[i].InsertStartB - (blocks[i].DeleteStartA - oldFrom);
            var lines = new List<DiffLine>();
            int at = oldFrom;
            for (int k = i; k <= j; k++)
            {
                var block = blocks[k];
                for (; at < block.DeleteStartA; at++)
                {
                    lines.Add(Line(' ', a, at));
                }

                for (int d = 0; d < block.DeleteCountA; d++)
                {
                    lines.Add(Line('-', a, block.DeleteStartA + d));
                }

                for (int n = 0; n < block.InsertCountB; n++)
                {
                    lines.Add(Line('+', b, block.InsertStartB + n));
                }

                at = block.DeleteStartA + block.DeleteCountA;
            }

            for (; at < oldTo; at++)
            {
                lines.Add(Line(' ', a, at));
            }

            int oldCount = lines.Count(l => l.Kind != '+'), newCount = lines.Count(l => l.Kind != '-');
            hunks.Add(new DiffHunk(oldCount == 0 ? oldFrom : oldFrom + 1, oldCount, newCount == 0 ? newFrom : newFrom + 1, newCount, lines));
            i = j + 1;
        }

        return new UnifiedDiff(path, hunks);
    }

    /// <summary>The diff as `git diff` prints it, `a/` and `b/` before the path; empty when nothing changed.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Write(new StringWriter(text) { NewLine = "\n" });
        return text.ToString();
    }

    public void Write(TextWriter writer)
    {
        if (IsEmpty)
        {
            return;
        }

        writer.Write($"--- {Quoted("a/" + Path)}\n+++ {Quoted("b/" + Path)}\n");
        foreach (var hunk in Hunks)
        {
            writer.Write($"{Header(hunk)}\n");
            foreach (var line in hunk.Lines)
            {
                writer.Write($"{line.Kind}{line.Text}\n");
                if (line.NoNewlineAtEnd)
                {
                    writer.Write("\\ No newline at end of file\n");
                }
            }
        }
    }

    /// <summary>
    /// A path as git writes it in a diff header: as it is, unless it holds a control character, a
    /// quote or a backslash; then in double quotes with C escapes (`"b/new\nline.md"`), which `git
    /// apply` and `patch` read back. Other characters stay as they are (git's `core.quotePath=false`).
    /// </summary>
    public static string Quoted(string path)
    {
        if (!path.Any(c => c < ' ' || c is '\u007f' or '"' or '\\'))
        {
            return path;
        }

        var quoted = new StringBuilder("\"");
        foreach (char c in path)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\a' => "\\a",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\v' => "\\v",
                '\f' => "\\f",
                '\r' => "\\r",
                < ' ' or '\u007f' => $"\\{Convert.ToString((int)c, 8).PadLeft(3, '0')}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    public static string Header(DiffHunk hunk) => $"@@ -{Range(hunk.OldStart, hunk.OldCount)} +{Range(hunk.NewStart, hunk.NewCount)} @@";

    private static string Range(int start, int count) => count == 1 ? $"{start}" : $"{start},{count}";

    private readonly record struct Block(int DeleteStartA, int DeleteCountA, int InsertStartB, int InsertCountB);

    // Runs of lines that differ at the same place in both versions.
    private static List<Block> LineByLine(string[] a, string[] b)
    {
        var blocks = new List<Block>();
        for (int i = 0; i < a.Length; i++)
        {
            if (string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                continue;
            }

            int start = i;
            while (i + 1 < a.Length && !string.Equals(a[i + 1], b[i + 1], StringComparison.Ordinal))
            {
                i++;
            }

            blocks.Add(new Block(start, i - start + 1, start, i - start + 1));
        }

        return blocks;
    }

    private static DiffLine Line(char kind, string[] pieces, int index)
    {
        string piece = pieces[index];
        string text = piece.TrimEnd('\r', '\n');
        return new DiffLine(kind, text, index == pieces.Length - 1 && text.Length == piece.Length);
    }

    // Lines end where LineMap ends them (LF, CRLF, lone CR), so the diff's lines are the ones every
    // position Punchlist reports counts. A text that ends with a line break has no empty piece after it.
    private static string[] SplitLines(string text)
    {
        var lines = LineMap.Build(text);
        int count = lines.LineStart(lines.LineCount - 1) == text.Length ? lines.LineCount - 1 : lines.LineCount;
        var pieces = new string[count];
        for (int k = 0; k < count; k++)
        {
            var line = lines.LineSpanWithBreak(k);
            pieces[k] = text.Substring(line.Start, line.Length);
        }

        return pieces;
    }
}
