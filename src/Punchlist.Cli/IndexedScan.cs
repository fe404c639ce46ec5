using Punchlist.Storage;

namespace Punchlist.Cli;

/// <summary>
/// Brings the workspace's index up to date, printing warnings, and under `--verbose` what was read.
/// Outside a workspace (no `.git` or punchlist.yml at or above the first path) the index stays in
/// memory: a read command creates nothing where there is no repository to hold it.
/// </summary>
internal static class IndexedScan
{
    public static IndexedWorkspace Run(CommandContext context, string[] paths, bool factsOnly, bool keepDocuments)
    {
        bool outside = !context.NoIndex && !PathArguments.InWorkspace(paths);
        var options = new IndexOptions
        {
            InMemory = context.NoIndex || outside,
            FactsOnly = factsOnly,
            KeepDocuments = keepDocuments,
            Warn = context.Warn,
        };
        var workspace = WorkspaceIndex.Scan(paths, options);
        context.Warn(workspace.Warnings);

        if (context.Verbose)
        {
            var c = workspace.Counts;
            context.Error.WriteLine($"punch: workspace {workspace.Root} ({(File.Exists(Path.Combine(workspace.Root, Punchlist.Workspaces.PunchlistConfig.FileName)) ? "configured by punchlist.yml" : "no punchlist.yml")})");
            context.Error.WriteLine($"punch: {c.Found} Markdown files found, {c.Parsed} parsed, {workspace.Documents.Count} trackers");
            string where = workspace.IndexPath is { } file
                ? Path.GetRelativePath(workspace.Root, file).Replace('\\', '/')
                : outside ? "in memory (not in a workspace: no .git or punchlist.yml at or above it)" : $"in memory ({workspace.InMemoryBecause})";
            context.Error.WriteLine($"punch: index {where}: {c.FromIndex} files served from the index, {c.Read} read, {c.Parsed} parsed, {c.Removed} dropped");
        }

        return workspace;
    }
}
