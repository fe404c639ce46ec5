using System.Globalization;
using Punchlist.Model;
using Punchlist.Workspaces;

namespace Punchlist.Bench;

/// <summary>
/// The generator's manifest.tsv holds the true (CommonMark) number of checked and unchecked boxes of
/// every file; the reader must find exactly those. A mismatch is a reader bug.
/// </summary>
internal static class ManifestCheck
{
    public sealed record Mismatch(string Path, int ExpectedChecked, int ExpectedUnchecked, int FoundChecked, int FoundUnchecked);

    public sealed record Result(int Files, long Boxes, IReadOnlyList<Mismatch> Mismatches);

    public static Result Run(string tree, string manifest)
    {
        var workspace = WorkspaceLoader.Load([tree]);
        var found = workspace.Documents.ToDictionary(
            d => d.Path,
            d => (Checked: d.Checkboxes.Count(b => b.Mark == BoxMark.Checked), Unchecked: d.Checkboxes.Count(b => b.Mark == BoxMark.Unchecked)),
            StringComparer.Ordinal);

        var mismatches = new List<Mismatch>();
        int files = 0;
        long boxes = 0;
        foreach (string line in File.ReadLines(manifest))
        {
            // path, line_checked, line_unchecked, fenced_fake, cm_checked, cm_unchecked
            string[] columns = line.Split('\t');
            if (columns.Length < 6)
            {
                continue;
            }

            files++;
            string path = RelativeTo(tree, columns[0]);
            int expectedChecked = int.Parse(columns[4], CultureInfo.InvariantCulture);
            int expectedUnchecked = int.Parse(columns[5], CultureInfo.InvariantCulture);
            boxes += expectedChecked + expectedUnchecked;
            var (c, u) = found.GetValueOrDefault(path);
            if (c != expectedChecked || u != expectedUnchecked)
            {
                mismatches.Add(new Mismatch(path, expectedChecked, expectedUnchecked, c, u));
            }
        }

        return new Result(files, boxes, mismatches);
    }

    // The manifest names files as the generator was told to write them (absolute, or relative to
    // wherever it ran); the workspace names them relative to the tree. Match on the tree's own tail.
    private static string RelativeTo(string tree, string path)
    {
        string normal = path.Replace('\\', '/');
        if (Path.IsPathRooted(normal))
        {
            return Path.GetRelativePath(Path.GetFullPath(tree), normal).Replace('\\', '/');
        }

        string[] parts = normal.Split('/');
        for (int skip = 0; skip < parts.Length; skip++)
        {
            string candidate = string.Join('/', parts[skip..]);
            if (File.Exists(Path.Combine(tree, candidate)))
            {
                return candidate;
            }
        }

        return normal;
    }
}
