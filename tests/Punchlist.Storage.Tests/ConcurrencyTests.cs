using Punchlist.Tests.Support;

namespace Punchlist.Storage.Tests;

/// <summary>Several scans of one workspace at once (as several `punch` processes would) share the file safely.</summary>
public sealed class ConcurrencyTests
{
    [CorpusFact]
    public void Concurrent_scans_of_one_workspace_all_succeed_and_agree()
    {
        using var workspace = new TempWorkspace().CopyFrom(Repo.Seeds);
        workspace.Write(".git/HEAD", "ref: refs/heads/main\n");
        var results = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).Select(_ =>
        {
            using var index = WorkspaceIndex.Scan([workspace.Root], IndexOptions.Default);
            return string.Join('\n', index.Documents.Select(d => $"{d.Path} {d.Items.Count} {d.CheckboxesChecked}"));
        }).ToList();

        Assert.Single(results.Distinct());
        using var after = WorkspaceIndex.Scan([workspace.Root], IndexOptions.Default);
        Assert.Equal(5, after.Counts.FromIndex);
        Assert.Equal("ok", after.Integrity());
    }
}
