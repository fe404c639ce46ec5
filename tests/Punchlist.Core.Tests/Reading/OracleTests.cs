using Punchlist.Reading;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Reading;

/// <summary>Our checkbox counts against an independent GFM parser's, on every corpus file and a generated tree.</summary>
public sealed class OracleTests
{
    [CorpusFact]
    public void Checkbox_totals_equal_the_gfm_oracle_on_every_corpus_file()
    {
        var files = Repo.CorpusFiles().Where(f => f.EndsWith(".md", StringComparison.Ordinal)).ToList();
        var oracle = GfmOracle.Run(files).ToDictionary(c => Path.GetFullPath(c.File), StringComparer.Ordinal);
        var mismatches = new List<string>();
        int compared = 0;
        foreach (string file in files)
        {
            var document = DocumentReader.Default.Read(Repo.CaseName(file), File.ReadAllBytes(file));
            var gfmBoxes = document.Checkboxes.Where(b => TaskBoxes.IsGfm(b.Marker)).ToList();
            var expected = oracle[Path.GetFullPath(file)];
            bool onlyGfm = gfmBoxes.Count == document.Checkboxes.Count;

            // Extra markers (`[/]`, `[~]`) are text to GFM, so only the GFM boxes are comparable, and
            // nesting (which box is top-level) only where a file has no extra markers at all.
            string ours = $"{gfmBoxes.Count}/{gfmBoxes.Count(b => b.IsChecked)}" + (onlyGfm ? $" top {document.Checkboxes.Count(b => b.Depth == 0)}" : "");
            string theirs = $"{expected.Total}/{expected.Checked}" + (onlyGfm ? $" top {expected.Top}" : "");
            if (ours != theirs)
            {
                mismatches.Add($"{Repo.CaseName(file)}: ours {ours}, oracle {theirs}");
            }

            compared++;
        }

        Assert.True(compared == files.Count && compared >= 40, $"only {compared} of {files.Count} corpus files compared");
        Assert.Empty(mismatches);
    }

    [CorpusFact]
    public void Checkbox_totals_equal_the_generators_true_counts()
    {
        string folder = Path.Combine(Path.GetTempPath(), "punchlist-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, _, error) = Processes.Run("python3", [Path.Combine(Repo.Shared, "bench", "gen-trackers.py"), folder, "60", "7"]);
            Assert.True(exit == 0, error);
            var manifest = File.ReadAllLines(Path.Combine(folder, "manifest.tsv")).Select(l => l.Split('\t')).ToList();
            Assert.Equal(60, manifest.Count);
            foreach (var row in manifest)
            {
                var document = DocumentReader.Default.Read(Path.GetFileName(row[0]), File.ReadAllBytes(row[0]));
                int trueChecked = int.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture);
                int trueUnchecked = int.Parse(row[5], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(
                    document.Checkboxes.Count(b => b.IsChecked) == trueChecked && document.Checkboxes.Count(b => !b.IsChecked) == trueUnchecked,
                    $"{row[0]}: ours {document.Checkboxes.Count(b => b.IsChecked)} checked / {document.Checkboxes.Count(b => !b.IsChecked)} open, true {trueChecked} / {trueUnchecked}");
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
