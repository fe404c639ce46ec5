using Punchlist.Analysis;
using Punchlist.Analysis.Findings;
using Punchlist.Storage;

namespace Punchlist.Server.Data;

/// <summary>
/// The workspace as one scan left it: what the overview, the trackers list, the status API and the
/// metrics show, computed once per scan (the same summaries and check counts `punch status` prints)
/// and never changed after. A request reads the snapshot that is current when it starts.
/// </summary>
public sealed record WorkspaceSnapshot
{
    /// <summary>Counts scans that changed something, from 1: what ETags and the live stream name.</summary>
    public required long Version { get; init; }

    /// <summary>The workspace folder's name, for titles (never its path on disk).</summary>
    public required string Name { get; init; }

    public required DateOnly Today { get; init; }

    public required DateTimeOffset ScannedAt { get; init; }

    public required TimeSpan ScanDuration { get; init; }

    /// <summary>Every tracker, by path: the summaries the index keeps.</summary>
    public required IReadOnlyList<DocumentSummary> Documents { get; init; }

    /// <summary>Each tracker's findings and verification counts, as `punch status` shows them.</summary>
    public required IReadOnlyDictionary<string, CheckCounts> Checks { get; init; }

    /// <summary>Every item ID and document ID of the workspace (for checking one document on its own as the whole workspace would).</summary>
    public required WorkspaceFacts Ids { get; init; }

    /// <summary>Which documents hold which IDs (<see cref="IndexedWorkspace.IdsHash"/>): equal hashes, equal <see cref="Ids"/>.</summary>
    public required ulong IdsHash { get; init; }

    /// <summary>Items of each priority rank (null: none) and state, over every tracker.</summary>
    public required IReadOnlyList<(int? Priority, Model.ItemState State, int Count)> ByPriorityAndState { get; init; }

    public required ScanCounts Counts { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Tracker paths whose content changed since the previous snapshot (all of them in the first).</summary>
    public required IReadOnlyList<string> Changed { get; init; }

    private Dictionary<string, DocumentSummary>? _byPath;

    public DocumentSummary? Document(string path) =>
        (_byPath ??= Documents.ToDictionary(d => d.Path, StringComparer.Ordinal)).GetValueOrDefault(path);

    public CheckCounts ChecksOf(string path) => Checks.GetValueOrDefault(path, CheckCounts.None);

    /// <summary>The ETag of everything derived from this snapshot on <see cref="Today"/>.</summary>
    public string ETag => $"W/\"{Version}-{Today.DayNumber}\"";
}
