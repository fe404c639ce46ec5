using Microsoft.Data.Sqlite;

namespace Punchlist.Storage;

internal static class SqliteExtensions
{
    public static void Execute(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    public static T Scalar<T>(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        object? value = command.ExecuteScalar();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static string? StringOrNull(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Int64OrNull(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static double? DoubleOrNull(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}

/// <summary>
/// `BEGIN IMMEDIATE` … `COMMIT`, rolled back when not committed. IMMEDIATE takes the write lock at the
/// start, so two processes never both read-then-write and deadlock; the busy timeout makes the second wait.
/// </summary>
internal sealed class WriteTransaction : IDisposable
{
    private readonly SqliteConnection _connection;
    private bool _open;

    private WriteTransaction(SqliteConnection connection)
    {
        _connection = connection;
        connection.Execute("BEGIN IMMEDIATE");
        _open = true;
    }

    public static WriteTransaction Begin(SqliteConnection connection) => new(connection);

    public void Commit()
    {
        _connection.Execute("COMMIT");
        _open = false;
    }

    // SQLite rolls back by itself after some errors (a full disk, an interrupted statement): a second
    // ROLLBACK would fail with "no transaction is active" and hide the error that matters.
    public void Dispose()
    {
        if (_open)
        {
            _open = false;
            if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0)
            {
                _connection.Execute("ROLLBACK");
            }
        }
    }
}
