using System.Text;

namespace Punchlist.Storage.Postgres.Tests;

public sealed class TokenStoreTests(TeamDatabase database) : IClassFixture<TeamDatabase>
{
    [Fact]
    public async Task A_new_token_is_found_by_itself_and_only_its_hash_is_stored()
    {
        var (info, token) = await database.Store.Tokens.AddAsync("acme/tokens", TokenScope.Push);

        Assert.StartsWith(TokenStore.Prefix, token, StringComparison.Ordinal);
        Assert.Equal(TokenStore.Prefix.Length + 43, token.Length); // 256 bits in base64url
        Assert.Equal((info.Id, "acme/tokens", TokenScope.Push), await Found(token));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM tokens WHERE position($1 in encode(hash, 'escape')) > 0 OR encode(hash, 'hex') = $2",
            token, Convert.ToHexStringLower(Encoding.UTF8.GetBytes(token))));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM tokens WHERE hash = sha256(convert_to($1, 'UTF8'))", token));
    }

    [Fact]
    public async Task Tokens_are_random_and_one_changed_character_finds_nothing()
    {
        var (_, a) = await database.Store.Tokens.AddAsync("acme/tokens", TokenScope.Read);
        var (_, b) = await database.Store.Tokens.AddAsync("acme/tokens", TokenScope.Read);

        Assert.NotEqual(a, b);
        Assert.Null(await database.Store.Tokens.FindAsync(a[..^1] + (a[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await database.Store.Tokens.FindAsync(string.Empty));
        Assert.Null(await database.Store.Tokens.FindAsync(null));
    }

    [Fact]
    public async Task A_revoked_token_finds_nothing_and_is_listed_as_revoked()
    {
        var (info, token) = await database.Store.Tokens.AddAsync("acme/revoked", TokenScope.Push);

        Assert.True(await database.Store.Tokens.RevokeAsync(info.Id));
        Assert.False(await database.Store.Tokens.RevokeAsync(info.Id));

        Assert.Null(await database.Store.Tokens.FindAsync(token));
        var listed = (await database.Store.Tokens.ListAsync()).Single(t => t.Id == info.Id);
        Assert.Equal(("acme/revoked", TokenScope.Push), (listed.Repository, listed.Scope));
        Assert.NotNull(listed.RevokedAt);
    }

    [Fact]
    public async Task A_token_for_a_name_that_is_not_owner_slash_name_is_refused() =>
        Assert.Contains("OWNER/NAME", (await Assert.ThrowsAsync<PunchlistException>(() => database.Store.Tokens.AddAsync("nope", TokenScope.Push))).Message);

    private async Task<(long, string, TokenScope)?> Found(string token) =>
        await database.Store.Tokens.FindAsync(token) is { } found ? (found.Id, found.Repository, found.Scope) : null;
}
