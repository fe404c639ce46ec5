using Punchlist.Evidence.Files;
using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes.Repository;

/// <summary>Architecture decision records: Markdown files in a folder named `adr`, `adrs` or `decisions`.</summary>
internal sealed class DecisionRecordsProbe : IProbe
{
    private static readonly string[] Folders = ["adr", "adrs", "decisions", "architecture-decisions", "decision-records"];

    public ProbeInfo Info { get; } = new("repo.adr", "Architecture decision records are kept", "repository",
        ProbeTerms.Any("adr", "architecture decision record", "architecture decision", "decision record", "decision log"));

    public ProbeResult Run(ProbeContext context)
    {
        var records = context.Index.Files
            .Where(f => (f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".adoc", StringComparison.OrdinalIgnoreCase))
                && RepositoryIndex.Folder(f).Split('/').Any(d => Folders.Contains(d, StringComparer.OrdinalIgnoreCase))
                && !RepositoryIndex.FileName(f).StartsWith("README", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return records.Count > 0
            ? ProbeResult.Pass($"{records.Count} decision record{(records.Count == 1 ? string.Empty : "s")} in {RepositoryIndex.Folder(records[0])}", records.Take(10).Select(r => new Citation(r, 0)))
            : ProbeResult.Fail("no decision records (Markdown files in an adr/ or decisions/ folder)");
    }
}
