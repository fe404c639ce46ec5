namespace Punchlist.Bench;

/// <summary>The Markdown files of a benchmark tree, as the baselines see them (no ignore rules: the trees have none).</summary>
internal static class TreeFiles
{
    private static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, AttributesToSkip = 0 };

    public static IEnumerable<string> Markdown(string tree) =>
        Directory.EnumerateFiles(tree, "*.md", Recursive).Concat(Directory.EnumerateFiles(tree, "*.markdown", Recursive));

    /// <summary>How many Markdown files and bytes the tree holds: the denominator of every MB/s and files/s.</summary>
    public static (int Files, long Bytes) Measure(string tree)
    {
        int files = 0;
        long bytes = 0;
        foreach (string path in Markdown(tree))
        {
            files++;
            bytes += new FileInfo(path).Length;
        }

        return (files, bytes);
    }
}
