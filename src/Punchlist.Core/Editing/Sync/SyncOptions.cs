namespace Punchlist.Editing.Sync;

/// <summary>
/// What `punch sync` may change. Claims and progress cookies are always kept true; statuses,
/// encoding and the document's date are opt-in because they rewrite words rather than numbers.
/// </summary>
public sealed record SyncOptions
{
    public static readonly SyncOptions Default = new();

    /// <summary>Numbers of dashboard and prose claims (PL001).</summary>
    public bool Claims { get; init; } = true;

    /// <summary>Org-style progress cookies (`[/]`, `[2/5]`, `[%]`, `[40%]`).</summary>
    public bool Cookies { get; init; } = true;

    /// <summary>Declared statuses that contradict the boxes (PL002), in the document's words.</summary>
    public bool Statuses { get; init; }

    /// <summary>Repairable mojibake (PL006).</summary>
    public bool Encoding { get; init; }

    /// <summary>The document's `Last Updated` date, when something else changed.</summary>
    public bool Touch { get; init; }
}

/// <summary>Why a span changed.</summary>
public enum ChangeKind
{
    Claim,
    Cookie,
    Status,
    Encoding,
    Touch,
    Tick,
}

/// <summary>One edit sync wants to make, what kind of change it is and why.</summary>
public sealed record ProposedEdit(TextEdit Edit, ChangeKind Kind, string Why);
