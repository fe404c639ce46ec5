using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Punchlist.Server.Data;
using Punchlist.Server.Operations;

namespace Punchlist.Server.Live;

/// <summary>
/// Scans the workspace at start, then watches it: file events are collected until the workspace has
/// been quiet for the debounce interval (an editor's save is several events; a checkout, thousands),
/// then one incremental scan publishes what changed. Where the system refuses to watch (too many
/// folders for inotify), it polls instead.
/// </summary>
internal sealed class WorkspaceWatcher(IndexStore store, IOptions<ServerOptions> options, ILogger<WorkspaceWatcher> log) : BackgroundService
{
    private const int PollSeconds = 2;

    // A burst that never goes quiet (a generator writing for minutes) still gets a scan this often.
    private static readonly TimeSpan MostWait = TimeSpan.FromSeconds(1);

    private readonly Channel<string> _events = Channel.CreateBounded<string>(new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropOldest });

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        await Task.Yield();
        Scan(null, stopping);
        using var watcher = Watch();
        var debounce = TimeSpan.FromMilliseconds(Math.Max(10, options.Value.DebounceMilliseconds));
        while (!stopping.IsCancellationRequested)
        {
            var changed = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                if (watcher is null)
                {
                    await Task.Delay(TimeSpan.FromSeconds(PollSeconds), stopping);
                    Scan(null, stopping);
                    continue;
                }

                changed.Add(await _events.Reader.ReadAsync(stopping));
                var first = DateTime.UtcNow;
                while (DateTime.UtcNow - first < MostWait)
                {
                    using var quiet = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                    quiet.CancelAfter(debounce);
                    try
                    {
                        changed.Add(await _events.Reader.ReadAsync(quiet.Token));
                    }
                    catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Scan(changed, stopping);
        }
    }

    private void Scan(IReadOnlyCollection<string>? changed, CancellationToken stopping)
    {
        try
        {
            // A first scan of a large workspace takes minutes: stopping the server stops it too.
            store.Refresh(changed, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is PunchlistException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            Log.ScanFailed(log, e.Message, e);
        }
    }

    private FileSystemWatcher? Watch()
    {
        try
        {
            var watcher = new FileSystemWatcher(store.Workspace)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => Seen(e.FullPath);
            watcher.Created += (_, e) => Seen(e.FullPath);
            watcher.Deleted += (_, e) => Seen(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Seen(e.OldFullPath);
                Seen(e.FullPath);
            };
            // Events were lost (the buffer overflowed): a scan finds whatever they were.
            watcher.Error += (_, _) => _events.Writer.TryWrite(string.Empty);
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            Log.Polling(log, e.Message, PollSeconds);
            return null;
        }
    }

    private void Seen(string fullPath)
    {
        string relative = Path.GetRelativePath(store.Workspace, fullPath).Replace('\\', '/');
        if (!Ignored(relative))
        {
            _events.Writer.TryWrite(relative);
        }
    }

    // The index's own files, git's, and the temporary files of an atomic write are no change to the trackers.
    private static bool Ignored(string relative) =>
        relative.StartsWith(".punchlist/", StringComparison.Ordinal) || relative == ".punchlist"
        || relative.StartsWith(".git/", StringComparison.Ordinal) || relative.Contains("/.git/", StringComparison.Ordinal)
        || relative.EndsWith(".punch-tmp", StringComparison.Ordinal);
}
