using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

public sealed class TokenCommandTests
{
    private readonly string _database = PostgresCluster.Instance.CreateDatabase("tokens");

    [Fact]
    public void A_token_is_printed_once_alone_listed_without_itself_and_revoked_by_its_id()
    {
        var added = Punch.Run("serve", "token", "add", "acme/api", "--database", _database);
        Assert.True(added.Exit == 0, added.Err);
        string token = Assert.Single(added.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("plt_", token, StringComparison.Ordinal);
        Assert.Contains("push for acme/api", added.Err);

        var listed = Punch.Run("serve", "token", "list", "--database", _database);
        Assert.Equal(0, listed.Exit);
        Assert.DoesNotContain(token, listed.Out + listed.Err);
        string[] row = Assert.Single(listed.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Split('\t');
        Assert.Equal(("acme/api", "push", "live"), (row[1], row[2], row[4]));

        Assert.Equal((0, $"revoked token {row[0]}\n"), (Punch.Run("serve", "token", "revoke", row[0], "--database", _database) is var r ? (r.Exit, r.Out) : default));
        Assert.StartsWith("revoked ", Punch.Run("serve", "token", "list", "--database", _database).Out.Split('\t')[4], StringComparison.Ordinal);
        var again = Punch.Run("serve", "token", "revoke", row[0], "--database", _database);
        Assert.Equal((2, $"punch: no live token {row[0]} (token list shows them)\n"), (again.Exit, again.Err));
    }

    [Fact]
    public void A_read_token_is_listed_as_read()
    {
        Assert.Equal(0, Punch.Run("serve", "token", "add", "acme/web", "--read", "--database", _database).Exit);
        Assert.Contains("\tacme/web\tread\t", Punch.Run("serve", "token", "list", "--database", _database).Out);
    }

    [Fact]
    public void Without_a_database_or_with_a_bad_address_the_error_is_one_line()
    {
        var env = new CliEnvironment(Punch.Today, false, 120, Directory.GetCurrentDirectory()) { IndexOnDisk = false, Variable = _ => null };
        var none = Punch.Invoke(env, ["serve", "token", "list"]);
        Assert.Equal((2, "punch: --database URL is required (or PUNCHLIST_DATABASE)\n"), (none.Exit, none.Err));

        var bad = Punch.Run("serve", "token", "list", "--database", "mysql://db/x");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("not postgres://", Assert.Single(bad.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
