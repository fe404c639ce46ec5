using Microsoft.Data.Sqlite;
using Punchlist.Analysis.Policies;
using Punchlist.Model;
using Punchlist.Workspaces;

namespace Punchlist.Storage.History;

/// <summary>
/// The SLA clock (PL004) and the staleness clock (PL013) from the history snapshots: an item was
/// created at the commit where it first appeared (through renames and rewritten IDs, see
/// `punch history`), and last changed at the last commit that changed it. The history is brought up
/// to date on the first question, so a check that never asks reads no git. Answers depend on the
/// checked-out commit, as the check cache records. Thread-safe: rules run in parallel.
/// </summary>
public sealed class HistoryClock : ICreationClock, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Func<SqliteConnection> _open;
    private readonly string _root;
    private readonly PunchlistConfig _config;
    private IndexDatabase? _owned;
    private SqliteConnection? _connection;
    private bool? _ready;

    private HistoryClock(Func<HistoryClock, SqliteConnection> open, string root, PunchlistConfig config)
    {
        _open = () => open(this);
        _root = root;
        _config = config;
    }

    /// <summary>A clock over the workspace's own index, opened on the first question (`punch check`).</summary>
    public static HistoryClock Open(string root, PunchlistConfig config, IndexOptions options) =>
        new(clock => (clock._owned = WorkspaceIndex.OpenIndex(root, options).Database).Connection, root, config);

    /// <summary>A clock over an index already open (`punch status`'s check cache).</summary>
    internal static HistoryClock Over(SqliteConnection connection, string root, PunchlistConfig config) =>
        new(_ => connection, root, config);

    public DateTime? CreatedAt(TrackerDocument document, Item item) => Past(document, item)?.FirstSeen;

    public ItemPast? Past(TrackerDocument document, Item item)
    {
        lock (_lock)
        {
            if (_ready is null)
            {
                _connection = _open();
                try
                {
                    _ready = HistoryIndex.Update(_connection, _root, _config).State == HistoryState.Ready;
                }
                catch (PunchlistException)
                {
                    _ready = false; // history that cannot be read (a partial clone): the clocks fall back to the documents' dates
                }
            }

            if (_ready is false)
            {
                return null;
            }

            // The item as the last commit left it, in the document at this path now.
            using var command = _connection!.Command("""
                SELECT f.time, l.time, c.key, c.item_key, c.title, c.state, c.priority, c.due, c.owner, c.criteria_total, c.criteria_checked, c.sections
                FROM history_documents d
                JOIN history_items i ON i.doc_id = d.id AND i.present = 1 AND i.key = $k
                JOIN history_commits f ON f.seq = i.first_seq
                JOIN history_changes c ON c.item_id = i.id AND c.seq = (SELECT max(seq) FROM history_changes WHERE item_id = i.id)
                JOIN history_commits l ON l.seq = c.seq
                WHERE d.path = $p AND d.blob IS NOT NULL
                """, ("$k", item.Key), ("$p", Relative(document.Path)));
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new ItemPast(DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(0)).UtcDateTime, DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(1)).UtcDateTime, HistoryReader.Version(reader, 2))
                : null;
        }
    }

    // Documents carry paths relative to the workspace root, as the history does; an absolute one is made so.
    private string Relative(string path) => Path.IsPathRooted(path) ? Discovery.Relative(_root, path) : path.Replace('\\', '/');

    public void Dispose() => _owned?.Dispose();
}
