using Punchlist.Search;
using Punchlist.Storage.Queries;

namespace Punchlist.Server.Data;

/// <summary>
/// Where the server's data comes from. Today one workspace through its embedded index
/// (<see cref="IndexStore"/>); a store of many repositories' pushed scans can stand beside it.
/// Everything it returns is computed by Core and Storage, as the CLI computes it.
/// </summary>
public interface IWorkspaceStore
{
    /// <summary>The latest scan; null until the first one has finished.</summary>
    WorkspaceSnapshot? Current { get; }

    /// <summary>The latest finished check of every tracker (<see cref="WorkspaceAnalysis.None"/> before the first).</summary>
    WorkspaceAnalysis Analysis { get; }

    /// <summary>Raised after a scan that changed something, and after each finished analysis.</summary>
    event Action<StoreEvent>? Changed;

    /// <summary>Scans again (only what changed is read) and publishes a new snapshot when anything did; returns the current one.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> stopped the scan; nothing was published.</exception>
    WorkspaceSnapshot Refresh(IReadOnlyCollection<string>? hint = null, CancellationToken cancel = default);

    /// <summary>What relative values in a query mean today (dates, days of effort).</summary>
    QueryContext QueryContext(DateOnly today);

    /// <summary>A page of the query's matches in its order; waits for a free reader without holding a thread.</summary>
    Task<SearchResults> SearchAsync(Query query, int offset, int limit, CancellationToken cancel = default);

    Task<Facets> FacetsAsync(Query query, CancellationToken cancel = default);

    /// <summary>One item, parsed fresh, with its findings and evidence.</summary>
    /// <exception cref="AddressException">The address is malformed, names nothing, or more than one item.</exception>
    ItemView Item(string address);

    /// <summary>One tracker, parsed fresh, with its findings; null when the workspace has no tracker at that path.</summary>
    DocumentView? Document(string path);

    /// <summary>Ticks or unticks one criterion of an item, or sets its status done or open, when its file still has <paramref name="ifMatch"/> as its ETag.</summary>
    WriteOutcome Write(ItemWrite write, string ifMatch);
}

/// <summary>What changed: a new snapshot (with the trackers that changed), or a finished analysis.</summary>
public sealed record StoreEvent(string Kind, long Version, IReadOnlyList<string> Documents)
{
    public const string Scan = "scan";
    public const string Analysis = "analysis";
}
