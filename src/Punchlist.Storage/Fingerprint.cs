using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Punchlist.Reading;
using Punchlist.Workspaces;

namespace Punchlist.Storage;

/// <summary>
/// What a cached reading depends on besides the file's bytes: the code that read it (the assemblies'
/// build identities, which change with any change to the reader) and the workspace's punchlist.yml.
/// When it differs from the one the index was built with, every cached reading is dropped.
/// </summary>
internal static class Fingerprint
{
    public static string Of(string root)
    {
        var text = new StringBuilder()
            .Append(typeof(DocumentReader).Assembly.ManifestModule.ModuleVersionId).Append('/')
            .Append(typeof(Fingerprint).Assembly.ManifestModule.ModuleVersionId).Append('/');
        string config = Path.Combine(root, PunchlistConfig.FileName);
        if (File.Exists(config))
        {
            text.Append(Convert.ToHexStringLower(SHA256.HashData(FileBytes.Read(config, 1 << 20))));
        }

        return text.ToString();
    }

    /// <summary>Empties the index when it was built with another fingerprint; records the current one.</summary>
    public static bool Reset(SqliteConnection connection, string fingerprint)
    {
        if (connection.Scalar<string>("SELECT value FROM meta WHERE key = 'fingerprint'") == fingerprint)
        {
            return false;
        }

        using var transaction = WriteTransaction.Begin(connection);
        if (connection.Scalar<string>("SELECT value FROM meta WHERE key = 'fingerprint'") == fingerprint)
        {
            return false; // another process reset it while this one waited for the lock
        }

        foreach (string table in DataTables(connection))
        {
            connection.Execute($"DELETE FROM {table}");
        }

        connection.Execute("DELETE FROM meta WHERE key = 'repository' OR key LIKE 'history.%'"); // what the emptied tables were read up to
        connection.Execute("INSERT INTO meta(key, value) VALUES ('fingerprint', $f) ON CONFLICT(key) DO UPDATE SET value = excluded.value", ("$f", fingerprint));
        transaction.Commit();
        return true;
    }

    /// <summary>
    /// Every table the documents fill, read from the schema so that a table added by a later step is
    /// emptied too (a list written here once missed one): all but the index's own bookkeeping (`meta`)
    /// and FTS5's shadow tables, which emptying `items_fts` empties.
    /// </summary>
    internal static List<string> DataTables(SqliteConnection connection)
    {
        var tables = new List<string>();
        using var command = connection.Command("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'items_fts_%' AND name <> 'meta'");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
