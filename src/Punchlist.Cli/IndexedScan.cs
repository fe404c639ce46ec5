using Punchlist.Storage;

namespace Punchlist.Cli;

/// <summary>Brings the workspace's index up to date, printing warnings, and under `--verbose` what was read.</summary>
internal static class IndexedScan
{
    public static IndexedWorkspace Run(CommandContext context, string[]? paths, CliEnvironment environment, bool factsOnly, bool keepDocuments)
    {
        var options = new IndexOptions
        {
            InMemory = context.NoIndex,
            FactsOnly = factsOnly,
            KeepDocuments = keepDocuments,
            Warn = context.Warn,
        };
        var workspace = WorkspaceIndex.Scan(paths is { Length: > 0 } ? paths : [environment.WorkingDirectory], options);
        context.Warn(workspace.Warnings);

        if (context.Verbose)
        {
            var c = workspace.Counts;
            context.Error.WriteLine($"punch: {c.Found} Markdown files found, {c.Parsed} parsed, {workspace.Documents.Count} trackers");
            string where = workspace.IndexPath is { } file
                ? Path.GetRelativePath(workspace.Root, file).Replace('\\', '/')
                : $"in memory ({workspace.InMemoryBecause})";
            context.Error.WriteLine($"punch: index {where}: {c.FromIndex} files served from the index, {c.Read} read, {c.Parsed} parsed, {c.Removed} dropped");
        }

        return workspace;
    }
}
