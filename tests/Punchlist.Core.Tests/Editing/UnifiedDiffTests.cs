using System.Text;
using Punchlist.Editing;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Editing;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void A_changed_line_is_shown_with_three_lines_of_context()
    {
        string old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var diff = UnifiedDiff.Between("todo.md", old, old.Replace("5\n", "five\n", StringComparison.Ordinal));
        Assert.Equal("--- a/todo.md\n+++ b/todo.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", diff.ToString());
    }

    [Fact]
    public void Changes_far_apart_get_hunks_of_their_own_and_close_ones_share()
    {
        string old = string.Concat(Enumerable.Range(1, 30).Select(i => $"{i}\n"));
        string far = old.Replace("\n3\n", "\nthree\n", StringComparison.Ordinal).Replace("\n25\n", "\n25!\n", StringComparison.Ordinal);
        Assert.Equal(["@@ -1,6 +1,6 @@", "@@ -22,7 +22,7 @@"], UnifiedDiff.Between("t.md", old, far).Hunks.Select(UnifiedDiff.Header));
        string close = old.Replace("\n3\n", "\nthree\n", StringComparison.Ordinal).Replace("\n9\n", "\nnine\n", StringComparison.Ordinal);
        Assert.Equal(["@@ -1,12 +1,12 @@"], UnifiedDiff.Between("t.md", old, close).Hunks.Select(UnifiedDiff.Header));
    }

    [Fact]
    public void A_last_line_without_a_newline_is_marked()
    {
        var diff = UnifiedDiff.Between("t.md", "a\nb", "a\nc");
        Assert.Equal("--- a/t.md\n+++ b/t.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n", diff.ToString());
    }

    [Fact]
    public void Crlf_lines_are_shown_without_their_endings()
    {
        var diff = UnifiedDiff.Between("t.md", "a\r\nb\r\n", "a\r\nc\r\n");
        Assert.Equal("--- a/t.md\n+++ b/t.md\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n", diff.ToString());
    }

    [Fact]
    public void Lines_end_at_a_lone_cr_as_everywhere_else_and_a_changed_ending_is_a_changed_line()
    {
        Assert.Equal("--- a/t.md\n+++ b/t.md\n@@ -1,3 +1,3 @@\n a\n-b\n+c\n d\n", UnifiedDiff.Between("t.md", "a\rb\r\nd\n", "a\rc\r\nd\n").ToString());
        Assert.Equal("--- a/t.md\n+++ b/t.md\n@@ -1,2 +1,2 @@\n-a\n+a\n b\n", UnifiedDiff.Between("t.md", "a\nb\n", "a\r\nb\n").ToString());
        Assert.Equal(["@@ -1,3 +1,3 @@"], UnifiedDiff.Between("t.md", "\r\r\nx", "\r\r\ny").Hunks.Select(UnifiedDiff.Header));
    }

    [Fact]
    public void Same_text_is_an_empty_diff()
    {
        var diff = UnifiedDiff.Between("t.md", "a\n", "a\n");
        Assert.True(diff.IsEmpty);
        Assert.Equal(string.Empty, diff.ToString());
    }

    public static IEnumerable<object[]> Corpus() => Repo.CorpusCases();

    // GNU patch, applying our diff to the original, must give the changed file: the format is right.
    [CorpusTheory]
    [MemberData(nameof(Corpus))]
    public void Patch_applies_the_diff_of_random_line_changes(string caseName)
    {
        string old = File.ReadAllText(Repo.CorpusPath(caseName)).ReplaceLineEndings("\n");
        var lines = old.Split('\n').ToList();
        var random = new Random(caseName.Length);
        for (int k = 0; k < 6 && lines.Count > 2; k++)
        {
            int at = random.Next(lines.Count - 1);
            switch (k % 3)
            {
                case 0: lines[at] = $"changed {k}"; break;
                case 1: lines.RemoveAt(at); break;
                default: lines.Insert(at, $"inserted {k}"); break;
            }
        }

        string now = string.Join('\n', lines);
        string dir = Directory.CreateTempSubdirectory("punch-diff-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "x"));
            File.WriteAllText(Path.Combine(dir, "x", "doc.md"), old);
            File.WriteAllText(Path.Combine(dir, "change.diff"), UnifiedDiff.Between("x/doc.md", old, now).ToString(), new UTF8Encoding(false));
            var (exit, output, error) = Processes.Run("patch", ["-p1", "--no-backup-if-mismatch", "-i", "change.diff"], dir, timeoutSeconds: 60);
            Assert.True(exit == 0, $"patch failed: {output} {error}");
            Assert.Equal(now, File.ReadAllText(Path.Combine(dir, "x", "doc.md")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
