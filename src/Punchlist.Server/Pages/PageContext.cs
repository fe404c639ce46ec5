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

    /// <inheritdoc cref="ModelCache.GetAsync"/>
    public Task<T> CachedAsync<T>(object key, Func<Task<T>> build, CancellationToken cancel) where T : class => cache.GetAsync(key, build, cancel);
}

/// <summary>
/// The last few page models, by what they were built from. A model is built once however many
/// requests ask for it at the same moment: after a change, fifty clients on the overview of ten
/// thousand trackers wait for one build instead of making fifty.
/// </summary>
public sealed class ModelCache
{
    private const int Capacity = 256;
    private readonly ConcurrentDictionary<object, Lazy<Task<object>>> _models = new();

    public T Get<T>(object key, Func<T> build) where T : class =>
        (T)Entry(key, () =>
        {
            try
            {
                return Task.FromResult<object>(build());
            }
            catch (Exception e)
            {
                return Task.FromException<object>(e);
            }
        }).GetAwaiter().GetResult();

    /// <summary>
    /// The model for <paramref name="key"/>, built once however many requests ask at the same moment;
    /// those that wait hold no thread. A request that gives up stops waiting, not the build the
    /// others wait for. (MemoryCache's GetOrCreate would build once per concurrent miss.)
    /// </summary>
    public async Task<T> GetAsync<T>(object key, Func<Task<T>> build, CancellationToken cancel) where T : class =>
        (T)await Entry(key, async () => await build().ConfigureAwait(false)).WaitAsync(cancel).ConfigureAwait(false);

    private Task<object> Entry(object key, Func<Task<object>> build)
    {
        if (!_models.TryGetValue(key, out var entry))
        {
            if (_models.Count >= Capacity)
            {
                _models.Clear();
            }

            entry = _models.GetOrAdd(key, _ => new Lazy<Task<object>>(build, LazyThreadSafetyMode.ExecutionAndPublication));
        }

        var task = entry.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failure is the caller's answer, not the next one's: the next request builds again.
            _models.TryRemove(new KeyValuePair<object, Lazy<Task<object>>>(key, entry));
        }
        else if (!task.IsCompleted)
        {
            _ = task.ContinueWith(t => _models.TryRemove(new KeyValuePair<object, Lazy<Task<object>>>(key, entry)),
                CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return task;
    }
}

/// <summary>No scan has finished yet: pages and the API answer 503 until one has.</summary>
public sealed class NotReadyException() : Exception("the workspace is still being scanned; try again in a moment");
