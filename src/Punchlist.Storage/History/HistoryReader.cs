using Microsoft.Data.Sqlite;
using Punchlist.Analysis;
using Punchlist.History;
using Punchlist.Model;
using Punchlist.Storage.Codecs;

namespace Punchlist.Storage.History;

/// <summary>A document through its history: its latest path, when it first and last changed, whether it is still there, and its summary then.</summary>
public sealed record HistoryDocument(long Id, string Path, HistoryCommit First, HistoryCommit Last, bool Present, DocumentSummary? Summary);

/// <summary>
/// Reads the history tables back as the Core's history model: commits, item events in commit order
/// (streamed: one row at a time), one item's events, documents and their claims.
/// </summary>
public sealed class HistoryReader
{
    private readonly SqliteConnection _connection;
    private readonly Lazy<Dictionary<int, HistoryCommit>> _commits;

    internal HistoryReader(SqliteConnection connection)
    {
        _connection = connection;
        _commits = new(LoadCommits);
    }

    /// <summary>Every commit that changed a tracker, by its place in the history.</summary>
    public IReadOnlyDictionary<int, HistoryCommit> Commits => _commits.Value;

    public HistoryCommit? LastCommit => Commits.Count == 0 ? null : Commits[Commits.Keys.Max()];

    /// <summary>Every item event, in commit order.</summary>
    public IEnumerable<ItemEvent> Events() => Read($"{EventSql} ORDER BY c.seq, c.item_id");

    /// <summary>One item's events, in commit order.</summary>
    public IReadOnlyList<ItemEvent> EventsOf(long item) => [.. Read($"{EventSql} WHERE c.item_id = $i ORDER BY c.seq", ("$i", item))];

    /// <summary>
    /// The items an address names: `path#key` (the document by any path it had, the key or ID any
    /// version had), or a bare key or ID in any document. Most recently changed first.
    /// </summary>
    public List<(long Item, string Address)> Find(string address)
    {
        int hash = address.IndexOf('#', StringComparison.Ordinal);
        string key = hash < 0 ? address : address[(hash + 1)..];
        string? path = hash < 0 ? null : address[..hash].Replace('\\', '/').TrimStart('.', '/');
        using var command = _connection.Command("""
            SELECT i.id, d.path, i.key, max(c.seq) FROM history_changes c
            JOIN history_items i ON i.id = c.item_id JOIN history_documents d ON d.id = i.doc_id
            WHERE (c.key = $k COLLATE NOCASE OR c.item_key = $k COLLATE NOCASE)
              AND ($p IS NULL OR c.doc_id IN (SELECT doc_id FROM history_versions WHERE path = $p))
            GROUP BY i.id ORDER BY max(c.seq) DESC
            """, ("$k", key), ("$p", path));
        using var reader = command.ExecuteReader();
        var found = new List<(long, string)>();
        while (reader.Read())
        {
            found.Add((reader.GetInt64(0), $"{reader.GetString(1)}#{reader.GetString(2)}"));
        }

        return found;
    }

    /// <summary>Every document that ever held a tracker, by its latest path.</summary>
    public List<HistoryDocument> Documents()
    {
        using var command = _connection.Command("""
            SELECT d.id, d.path, min(v.seq), max(v.seq), d.blob IS NOT NULL,
                   (SELECT summary FROM history_versions WHERE doc_id = d.id ORDER BY seq DESC LIMIT 1)
            FROM history_documents d JOIN history_versions v ON v.doc_id = d.id
            GROUP BY d.id ORDER BY d.path
            """);
        using var reader = command.ExecuteReader();
        var documents = new List<HistoryDocument>();
        while (reader.Read())
        {
            string path = reader.GetString(1);
            var summary = reader.IsDBNull(5) ? null : SummaryCodec.Decode(path, null, (byte[])reader.GetValue(5));
            documents.Add(new HistoryDocument(reader.GetInt64(0), path, Commits[reader.GetInt32(2)], Commits[reader.GetInt32(3)], reader.GetBoolean(4), summary));
        }

        return documents;
    }

    /// <summary>Each document version that made claims, in commit order, with its claims.</summary>
    public IEnumerable<(string Document, HistoryCommit Commit, IReadOnlyList<ClaimVersion> Claims)> Claims()
    {
        using var command = _connection.Command("""
            SELECT v.seq, d.path, b.version FROM history_versions v
            JOIN history_documents d ON d.id = v.doc_id JOIN history_blobs b ON b.blob = v.blob
            WHERE v.claims > 0 ORDER BY v.seq
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetString(1), Commits[reader.GetInt32(0)], VersionCodec.Decode((byte[])reader.GetValue(2)).Claims);
        }
    }

    private const string EventSql = """
        SELECT c.seq, c.item_id, d.path, c.present, c.key, c.item_key, c.title, c.state, c.priority, c.due, c.owner, c.criteria_total, c.criteria_checked, c.sections
        FROM history_changes c JOIN history_documents d ON d.id = c.doc_id
        """;

    private IEnumerable<ItemEvent> Read(string sql, params (string Name, object? Value)[] parameters)
    {
        var commits = Commits;
        using var command = _connection.Command(sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new ItemEvent(reader.GetInt64(1), commits[reader.GetInt32(0)], reader.GetString(2), Version(reader, 4), reader.GetBoolean(3));
        }
    }

    /// <summary>The item version in the ten columns from <paramref name="at"/>: key, ID, title, state, priority, due, owner, criteria total and checked, sections.</summary>
    internal static ItemVersion Version(SqliteDataReader r, int at) => new(
        r.GetString(at),
        r.StringOrNull(at + 1),
        r.GetString(at + 2),
        (ItemState)r.GetInt32(at + 3),
        r.IsDBNull(at + 4) ? null : r.GetInt32(at + 4),
        r.IsDBNull(at + 5) ? null : DateOnly.FromDayNumber(r.GetInt32(at + 5)),
        r.StringOrNull(at + 6),
        r.GetInt32(at + 7),
        r.GetInt32(at + 8),
        r.GetString(at + 9));

    private Dictionary<int, HistoryCommit> LoadCommits()
    {
        var commits = new Dictionary<int, HistoryCommit>();
        using var command = _connection.Command("SELECT seq, id, time, author, subject, merge FROM history_commits");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            int seq = reader.GetInt32(0);
            commits[seq] = new HistoryCommit(seq, reader.GetString(1), DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2)).UtcDateTime,
                reader.GetString(3), reader.GetString(4), reader.GetBoolean(5));
        }

        return commits;
    }
}
