namespace Punchlist.Storage.Postgres.Tests;

public sealed class PostgresUrlTests
{
    [Theory]
    [InlineData("postgres://punch:s%40cret@db.example.com:6432/punchlist?sslmode=require", "db.example.com", 6432, "punch", "s@cret", "punchlist")]
    [InlineData("postgresql://db/punchlist", "db", 5432, null, null, "punchlist")]
    [InlineData("postgres://postgres@/team?host=%2Frun%2Fpostgresql", "/run/postgresql", 5432, "postgres", null, "team")]
    [InlineData("postgres://u@[::1]:5433/x", "::1", 5433, "u", null, "x")]
    [InlineData("Host=db;Port=5433;Username=u;Database=x", "db", 5433, "u", null, "x")]
    public void Urls_and_connection_strings_both_name_the_server(string value, string host, int port, string? user, string? password, string database)
    {
        var builder = PostgresUrl.Parse(value);
        Assert.Equal((host, port, user, password, database), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
    }

    [Theory]
    [InlineData("mysql://db/x", "not postgres://")]
    [InlineData("postgres://db:port/x", "not a port")]
    [InlineData("postgres://u:hunter2@db/x?colour=blue", "'colour' is not a parameter")]
    public void What_is_not_a_database_address_says_why_without_the_password(string value, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresUrl.Parse(value));
        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }
}
