using Punchlist.Model;

namespace Punchlist.Workspaces;

/// <summary>A set of trackers read together, with the root their paths are relative to.</summary>
public sealed class Workspace
{
    public required string Root { get; init; }

    public required PunchlistConfig Config { get; init; }

    /// <summary>Trackers found, plus any file named explicitly even if it holds no item; ordered by path.</summary>
    public required IReadOnlyList<TrackerDocument> Documents { get; init; }

    /// <summary>Markdown files found under the given paths.</summary>
    public required int FilesFound { get; init; }

    /// <summary>Files that were parsed (the rest could not hold items and were skipped unread as Markdown).</summary>
    public required int FilesParsed { get; init; }

    /// <summary>Problems that did not stop the scan (a file that could not be read).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    public IEnumerable<(TrackerDocument Document, Item Item)> AllItems() =>
        Documents.SelectMany(d => d.Items.Select(i => (d, i)));

    public static string Address(TrackerDocument document, Item item) => $"{document.Path}#{item.Key}";
}
