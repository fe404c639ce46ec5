namespace Punchlist.Storage.History;

/// <summary>
/// One process at a time brings an index file's history up to date: two that both read it from the
/// same last commit would both apply the commits after it. A lock file beside the index, opened
/// exclusively; the second process waits (up to two minutes), then finds the history already read.
/// Nothing to lock for an index in memory.
/// </summary>
internal sealed class HistoryLock : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly FileStream _file;

    private HistoryLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of the index file <paramref name="database"/> (a SQLite data source); null in memory.</summary>
    public static HistoryLock? Take(string database)
    {
        if (database.Length == 0 || database == ":memory:")
        {
            return null;
        }

        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return new HistoryLock(new FileStream(database + ".history-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < until)
            {
                Thread.Sleep(50);
            }
            catch (IOException)
            {
                throw new PunchlistException("another punch has been reading the history for two minutes; try again when it is done");
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
