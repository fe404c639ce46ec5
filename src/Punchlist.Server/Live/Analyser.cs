using Punchlist.Server.Data;
using Punchlist.Server.Operations;

namespace Punchlist.Server.Live;

/// <summary>
/// Checks every tracker after each scan, in the background: a newer scan cancels a check still
/// running for an older one, and the latest finished check is what pages and /metrics show.
/// </summary>
internal sealed class Analyser(IndexStore store, ILogger<Analyser> log) : BackgroundService
{
    private readonly SemaphoreSlim _pending = new(0, 1);
    private CancellationTokenSource? _running;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        store.Changed += OnChanged;
        try
        {
            if (store.Current is not null)
            {
                Signal();
            }

            while (!stopping.IsCancellationRequested)
            {
                await _pending.WaitAsync(stopping);
                using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                Interlocked.Exchange(ref _running, run);
                try
                {
                    await Task.Run(() => store.Analyse(run.Token), run.Token);
                }
                catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
                {
                    // A newer scan arrived; its check is pending.
                }
                catch (Exception e) when (e is PunchlistException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
                {
                    Log.AnalysisFailed(log, e.Message, e);
                }
                finally
                {
                    Interlocked.CompareExchange(ref _running, null, run);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            store.Changed -= OnChanged;
        }
    }

    private void OnChanged(StoreEvent change)
    {
        if (change.Kind == StoreEvent.Scan)
        {
            Volatile.Read(ref _running)?.Cancel();
            Signal();
        }
    }

    private void Signal()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // A check is already pending; it will read the newest scan.
        }
    }
}
