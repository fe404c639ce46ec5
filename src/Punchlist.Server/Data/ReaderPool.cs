using Punchlist.Storage;

namespace Punchlist.Server.Data;

/// <summary>
/// Hands each query a handle on the latest scan's index of its own: one connection per handle, reused,
/// at most <c>size</c> at once (a query is CPU-bound, so more than a few per core only queue inside
/// SQLite). An index kept in memory has no second connection: its queries take turns on the scan's.
/// </summary>
internal sealed class ReaderPool(int size) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(size, size);
    private Generation? _current;

    /// <summary>A short read (one item's documents) that holds its thread while it waits its turn.</summary>
    public T Read<T>(Func<IndexedWorkspace, T> query)
    {
        _gate.Wait();
        return ReadHoldingGate(query);
    }

    /// <summary>
    /// A search: it waits its turn without holding a thread. Fifty clients searching at once on a large
    /// index once blocked fifty thread-pool threads in Wait while four queries ran, and the pool, short
    /// of threads, left every other request (health checks too) queued for tens of seconds.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<IndexedWorkspace, T> query, CancellationToken cancel)
    {
        await _gate.WaitAsync(cancel).ConfigureAwait(false);
        return ReadHoldingGate(query);
    }

    private T ReadHoldingGate<T>(Func<IndexedWorkspace, T> query)
    {
        try
        {
            var generation = Volatile.Read(ref _current) ?? throw new InvalidOperationException("no scan has finished yet");
            return generation.Read(query);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Serves later queries from <paramref name="scan"/>; the previous scan's handles close once their queries end.</summary>
    public void Replace(IndexedWorkspace scan) => Interlocked.Exchange(ref _current, new Generation(scan))?.Retire();

    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Retire();

    private sealed class Generation(IndexedWorkspace scan)
    {
        private readonly Stack<IndexedWorkspace> _idle = new();
        private readonly object _scanLock = new();
        private bool _retired;
        private int _busy;

        public T Read<T>(Func<IndexedWorkspace, T> query)
        {
            if (scan.IndexPath is null)
            {
                lock (_scanLock)
                {
                    return query(scan);
                }
            }

            IndexedWorkspace? reader;
            lock (_idle)
            {
                _busy++;
                _idle.TryPop(out reader);
            }

            reader ??= scan.OpenReader()!;
            try
            {
                return query(reader);
            }
            finally
            {
                bool retired;
                lock (_idle)
                {
                    _busy--;
                    retired = _retired;
                    if (!retired)
                    {
                        _idle.Push(reader);
                    }
                }

                if (retired)
                {
                    reader.Dispose();
                    CloseScanWhenIdle();
                }
            }
        }

        public void Retire()
        {
            List<IndexedWorkspace> idle;
            lock (_idle)
            {
                _retired = true;
                idle = [.. _idle];
                _idle.Clear();
            }

            idle.ForEach(r => r.Dispose());
            CloseScanWhenIdle();
        }

        // The scan's own connection closes once no query reads through it (in memory, they all do).
        private void CloseScanWhenIdle()
        {
            lock (_idle)
            {
                if (!_retired || _busy > 0)
                {
                    return;
                }
            }

            lock (_scanLock)
            {
                scan.Dispose();
            }
        }
    }
}
