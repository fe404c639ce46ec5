using Microsoft.Data.Sqlite;

namespace Punchlist.Storage.Tests;

/// <summary>W6: when SQLite has already rolled a transaction back (a full disk does that), the error that did it is the one reported.</summary>
public sealed class WriteTransactionTests
{
    [Fact]
    public void A_transaction_SQLite_rolled_back_itself_does_not_hide_the_error_that_ended_it()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute("CREATE TABLE t(x)");

        var error = Assert.Throws<InvalidOperationException>((Action)(() =>
        {
            using var transaction = WriteTransaction.Begin(connection);
            connection.Execute("INSERT INTO t VALUES (1)");
            connection.Execute("ROLLBACK"); // what SQLite does by itself on SQLITE_FULL mid-commit
            throw new InvalidOperationException("database or disk is full");
        }));

        Assert.Equal("database or disk is full", error.Message);
        Assert.Equal(0L, connection.Scalar<long>("SELECT count(*) FROM t"));
    }

    [Fact]
    public void A_transaction_left_open_by_an_error_is_rolled_back()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute("CREATE TABLE t(x)");

        Assert.Throws<InvalidOperationException>((Action)(() =>
        {
            using var transaction = WriteTransaction.Begin(connection);
            connection.Execute("INSERT INTO t VALUES (1)");
            throw new InvalidOperationException("something else");
        }));

        Assert.Equal(0L, connection.Scalar<long>("SELECT count(*) FROM t"));
    }
}
