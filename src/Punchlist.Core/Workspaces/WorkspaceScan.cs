namespace Punchlist.Workspaces;

/// <summary>What a scan kept of each tracker (and of each file named explicitly), in path order.</summary>
public sealed class WorkspaceScan<T>
{
    public required string Root { get; init; }

    public required PunchlistConfig Config { get; init; }

    public required IReadOnlyList<T> Results { get; init; }

    /// <summary>Markdown files found under the given paths.</summary>
    public required int FilesFound { get; init; }

    /// <summary>Files that were parsed (the rest could not hold items and were skipped unread as Markdown).</summary>
    public required int FilesParsed { get; init; }

    /// <summary>Problems that did not stop the scan (a file that could not be read).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
