using System.Collections.Concurrent;
using Punchlist.Server.Data;
using Punchlist.Server.Security;

namespace Punchlist.Server.Pages;

/// <summary>
/// What every page is built with: the snapshot current when the request began, the frame around the
/// page, and a small cache of page models. A model depends only on the snapshot, the check and the
/// day, so the overview of ten thousand trackers is built once per change, not once per request.
/// </summary>
public sealed class PageContext(IWorkspaceStore store, Tokens tokens, ModelCache cache)
{
    private WorkspaceSnapshot? _snapshot;

    /// <summary>The snapshot this request reads (a page is only served once the first scan has finished).</summary>
    public WorkspaceSnapshot Snapshot => _snapshot ??= store.Current ?? throw new NotReadyException();

    public LayoutModel Layout(string title, string section, string self) =>
        new(title, section, Snapshot.Name, Snapshot.Version, Snapshot.Today, Snapshot.ScannedAt, tokens.WritesAllowed, self);

    public T Cached<T>(object key, Func<T> build) where T : class => cache.Get(key, build);
}

/// <summary>
/// The last few page models, by what they were built from. A model is built once however many
/// requests ask for it at the same moment: after a change, fifty clients on the overview of ten
/// thousand trackers wait for one build instead of making fifty.
/// </summary>
public sealed class ModelCache
{
    private const int Capacity = 64;
    private readonly ConcurrentDictionary<object, Lazy<object>> _models = new();

    public T Get<T>(object key, Func<T> build) where T : class
    {
        if (_models.TryGetValue(key, out var found))
        {
            return (T)found.Value;
        }

        if (_models.Count >= Capacity)
        {
            _models.Clear();
        }

        return (T)_models.GetOrAdd(key, _ => new Lazy<object>(build, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}

/// <summary>No scan has finished yet: pages and the API answer 503 until one has.</summary>
public sealed class NotReadyException() : Exception("the workspace is still being scanned; try again in a moment");
