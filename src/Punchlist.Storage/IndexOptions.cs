namespace Punchlist.Storage;

/// <summary>How to index: on disk under the workspace (the default) or only in memory (`--no-index`).</summary>
public sealed record IndexOptions
{
    public static readonly IndexOptions Default = new();

    /// <summary>Keep the index in memory for this run only; nothing is written to the workspace.</summary>
    public bool InMemory { get; init; }

    /// <summary>
    /// In memory, keep only what `punch status` needs (documents and their facts; no items, criteria
    /// or full-text rows), which is most of the cost of indexing. Ignored on disk, where the index
    /// must be able to answer later searches.
    /// </summary>
    public bool FactsOnly { get; init; }

    /// <summary>
    /// Keep the documents the scan parses (trackers and files named explicitly) for this run, so that
    /// checking them (`punch status`'s findings) does not read them again. Costs their memory, so only
    /// up to <see cref="WorkspaceIndex.KeptSourceBytes"/> of source; the check reads the others again.
    /// </summary>
    public bool KeepDocuments { get; init; }

    /// <summary>Where warnings go (a broken index moved aside); one line each.</summary>
    public Action<string> Warn { get; init; } = _ => { };

    /// <summary>
    /// How close to the scan a file's last write may be before its time stamp is not trusted: a write
    /// within the file system's time granularity (up to 2 s on FAT, 1 s on some network shares) after
    /// the index read the file would leave size and time unchanged, so such a file is hashed again next time.
    /// </summary>
    public TimeSpan RacyWindow { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Stops a scan early (a server shutting down during the first scan of a large workspace): no file
    /// is read after it is signalled, what was committed stays, and the scan throws
    /// <see cref="OperationCanceledException"/>. The next scan reads whatever was not committed.
    /// </summary>
    public CancellationToken Cancel { get; init; }
}

/// <summary>What a scan did: how many files it found, served from the index, read and parsed, and dropped.</summary>
public sealed record ScanCounts(int Found, int FromIndex, int Read, int Parsed, int Removed);
