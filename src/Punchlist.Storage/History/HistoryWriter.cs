using Microsoft.Data.Sqlite;
using Punchlist.History;
using Punchlist.History.Git;
using Punchlist.Storage.Codecs;

namespace Punchlist.Storage.History;

/// <summary>The history tables' writes and the reads the builder needs, with prepared commands (one per statement, reused for every row).</summary>
internal sealed class HistoryWriter(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public const string HeadKey = "history.head";

    public static string? Head(SqliteConnection connection) => connection.Scalar<string>("SELECT value FROM meta WHERE key = $k", ("$k", HeadKey));

    public void SetHead(string head) =>
        Run("INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value", ("$k", HeadKey), ("$v", head));

    /// <summary>Forgets the history read so far (its parsed blobs stay: they are still true), before reading it again from the start.</summary>
    public static void Clear(SqliteConnection connection)
    {
        foreach (string table in new[] { "history_commits", "history_documents", "history_versions", "history_items", "history_changes" })
        {
            connection.Execute($"DELETE FROM {table}");
        }

        connection.Execute("DELETE FROM meta WHERE key = $k", ("$k", HeadKey));
    }

    public int LastSeq() => (int)connection.Scalar<long>("SELECT ifnull(max(seq), 0) FROM history_commits");

    /// <summary>The path and id of every document present at the last commit read.</summary>
    public Dictionary<string, long> LivePaths()
    {
        var paths = new Dictionary<string, long>(StringComparer.Ordinal);
        using var command = connection.Command("SELECT path, id FROM history_documents WHERE blob IS NOT NULL");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            paths[reader.GetString(0)] = reader.GetInt64(1);
        }

        return paths;
    }

    /// <summary>The documents that have items no longer present (which a later commit may restore).</summary>
    public HashSet<long> DocumentsWithGoneItems()
    {
        var documents = new HashSet<long>();
        using var command = connection.Command("SELECT DISTINCT doc_id FROM history_items WHERE present = 0");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            documents.Add(reader.GetInt64(0));
        }

        return documents;
    }

    public HashSet<string> KnownBlobs()
    {
        var blobs = new HashSet<string>(StringComparer.Ordinal);
        using var command = connection.Command("SELECT blob FROM history_blobs");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            blobs.Add(reader.GetString(0));
        }

        return blobs;
    }

    public DocumentVersion? Version(string blob)
    {
        var command = Prepared("SELECT version FROM history_blobs WHERE blob = $b", "$b");
        command.Parameters[0].Value = blob;
        return command.ExecuteScalar() is byte[] bytes ? VersionCodec.Decode(bytes) : null;
    }

    /// <summary>Keeps a blob's version, encoded by <see cref="VersionCodec.Encode"/>.</summary>
    public void PutVersion(string blob, byte[] version) =>
        Run("INSERT OR REPLACE INTO history_blobs(blob, version) VALUES ($b, $v)", ("$b", blob), ("$v", version));

    /// <summary>The document's current blob, and the items present in it by key.</summary>
    public (string? Blob, Dictionary<string, long> Items) Live(long document)
    {
        var command = Prepared("SELECT blob FROM history_documents WHERE id = $d", "$d");
        command.Parameters[0].Value = document;
        string? blob = command.ExecuteScalar() as string;
        var items = new Dictionary<string, long>(StringComparer.Ordinal);
        var query = Prepared("SELECT key, id FROM history_items WHERE doc_id = $d AND present = 1", "$d");
        query.Parameters[0].Value = document;
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            items[reader.GetString(0)] = reader.GetInt64(1);
        }

        return (blob, items);
    }

    /// <summary>The item of this document that had this key and is gone, with how it last was: what a restored line continues.</summary>
    public (long Item, ItemVersion Last)? Gone(long document, string key)
    {
        var command = Prepared("""
            SELECT c.item_id, c.key, c.item_key, c.title, c.state, c.priority, c.due, c.owner, c.criteria_total, c.criteria_checked, c.sections
            FROM history_items i JOIN history_changes c ON c.item_id = i.id AND c.seq = (SELECT max(seq) FROM history_changes WHERE item_id = i.id)
            WHERE i.doc_id = $d AND i.key = $k AND i.present = 0 ORDER BY c.seq DESC LIMIT 1
            """, "$d", "$k");
        command.Parameters[0].Value = document;
        command.Parameters[1].Value = key;
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), HistoryReader.Version(reader, 1)) : null;
    }

    public void AddCommit(int seq, GitCommit commit) =>
        Run("INSERT INTO history_commits(seq, id, time, author, subject, merge) VALUES ($s, $id, $t, $a, $m, $g)",
            ("$s", seq), ("$id", commit.Id), ("$t", new DateTimeOffset(commit.When).ToUnixTimeSeconds()), ("$a", commit.Author), ("$m", commit.Subject), ("$g", commit.IsMerge ? 1 : 0));

    public long AddDocument(string path, int seq) =>
        Insert("INSERT INTO history_documents(path, blob, first_seq, last_seq) VALUES ($p, NULL, $s, $s) RETURNING id", ("$p", path), ("$s", seq));

    public void SetDocument(long document, string path, string? blob, int seq) =>
        Run("UPDATE history_documents SET path = $p, blob = $b, last_seq = $s WHERE id = $d", ("$p", path), ("$b", blob), ("$s", seq), ("$d", document));

    public void AddVersion(long document, int seq, string path, string? blob, DocumentVersion? version)
    {
        byte[]? summary = version is null ? null : SummaryCodec.Encode(version.Summary(path));
        Run("INSERT OR REPLACE INTO history_versions(doc_id, seq, path, blob, summary, claims, false_claims) VALUES ($d, $s, $p, $b, $y, $c, $f)",
            ("$d", document), ("$s", seq), ("$p", path), ("$b", blob), ("$y", summary),
            ("$c", version?.Claims.Count ?? 0), ("$f", version?.Claims.Count(c => !c.Holds) ?? 0));
    }

    public long AddItem(long document, string key, int seq) =>
        Insert("INSERT INTO history_items(doc_id, key, present, first_seq) VALUES ($d, $k, 1, $s) RETURNING id", ("$d", document), ("$k", key), ("$s", seq));

    public void SetItem(long item, long document, string key, bool present) =>
        Run("UPDATE history_items SET doc_id = $d, key = $k, present = $p WHERE id = $i", ("$d", document), ("$k", key), ("$p", present ? 1 : 0), ("$i", item));

    public void AddChange(int seq, long item, long document, bool present, ItemVersion v) =>
        Run("""
            INSERT INTO history_changes(seq, item_id, doc_id, present, key, item_key, title, state, priority, due, owner, criteria_total, criteria_checked, sections)
            VALUES ($s, $i, $d, $p, $k, $id, $t, $st, $pr, $du, $o, $ct, $cc, $se)
            """,
            ("$s", seq), ("$i", item), ("$d", document), ("$p", present ? 1 : 0), ("$k", v.Key), ("$id", v.Id), ("$t", v.Title), ("$st", (int)v.State),
            ("$pr", v.Priority), ("$du", v.Due?.DayNumber), ("$o", v.Owner), ("$ct", v.CriteriaTotal), ("$cc", v.CriteriaChecked), ("$se", v.Sections));

    private void Run(string sql, params (string Name, object? Value)[] values) => Bind(sql, values).ExecuteNonQuery();

    private long Insert(string sql, params (string Name, object? Value)[] values) => (long)Bind(sql, values).ExecuteScalar()!;

    // The statement's parameters are made once, when it is first prepared; each row only sets their
    // values (by name, in the statement's few parameters).
    private SqliteCommand Bind(string sql, (string Name, object? Value)[] values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Prepared(sql, values.Select(v => v.Name).Distinct().ToArray());
        }

        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }

        return command;
    }

    private SqliteCommand Prepared(string sql, params string[] names)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.Command(sql);
            foreach (string name in names)
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            _commands[sql] = command;
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }
}
