using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Punchlist.Json;

namespace Punchlist.Storage.Postgres;

/// <summary>
/// Push and read tokens, one repository each. A token is 256 random bits (base64url, after a `plt_`
/// prefix that secret scanners can match); the database keeps only its SHA-256. A slow password hash
/// (bcrypt, Argon2) exists to make guessing a low-entropy secret expensive; a 256-bit random token
/// cannot be guessed however fast the hash, so one SHA-256 is enough and costs a push nothing. A token
/// is found by its hash — which tells a timing observer nothing about the token, only about a hash it
/// cannot invert — and the stored hash is compared again in constant time. Nothing here logs a token.
/// </summary>
public sealed class TokenStore(NpgsqlDataSource source)
{
    public const string Prefix = "plt_";

    /// <summary>Creates a token for <paramref name="repository"/> (created when new); the token is returned once and never stored.</summary>
    public async Task<(TokenInfo Info, string Token)> AddAsync(string repository, TokenScope scope, CancellationToken cancel = default)
    {
        if (!PushWire.IsRepositoryName(repository))
        {
            throw new PunchlistException($"'{repository}' is not OWNER/NAME");
        }

        string token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        await using (var create = PushWriter.Command(connection, null, "INSERT INTO repositories (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", repository))
        {
            await create.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
        }

        await using var insert = PushWriter.Command(connection, null,
            "INSERT INTO tokens (repository_id, hash, scope) SELECT id, $2, $3 FROM repositories WHERE name = $1 RETURNING id, created_at",
            repository, Hash(token), Name(scope));
        await using var reader = await insert.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        await reader.ReadAsync(cancel).ConfigureAwait(false);
        return (new TokenInfo(reader.GetInt64(0), repository, scope, reader.GetFieldValue<DateTimeOffset>(1), null), token);
    }

    public async Task<IReadOnlyList<TokenInfo>> ListAsync(CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        return await PushWriter.RowsAsync(connection,
            "SELECT t.id, r.name, t.scope, t.created_at, t.revoked_at FROM tokens t JOIN repositories r ON r.id = t.repository_id ORDER BY r.name, t.id",
            r => new TokenInfo(r.GetInt64(0), r.GetString(1), Scope(r.GetString(2)), r.GetFieldValue<DateTimeOffset>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4)),
            cancel).ConfigureAwait(false);
    }

    /// <summary>Revokes token <paramref name="id"/>; false when there is none or it was revoked already.</summary>
    public async Task<bool> RevokeAsync(long id, CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        await using var update = PushWriter.Command(connection, null, "UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL", id);
        return await update.ExecuteNonQueryAsync(cancel).ConfigureAwait(false) == 1;
    }

    /// <summary>The repository and scope of a live token; null for an unknown or revoked one.</summary>
    public async Task<TokenInfo?> FindAsync(string? token, CancellationToken cancel = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }

        byte[] hash = Hash(token);
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        await using var select = PushWriter.Command(connection, null,
            "SELECT t.id, r.name, t.scope, t.created_at, t.hash FROM tokens t JOIN repositories r ON r.id = t.repository_id WHERE t.hash = $1 AND t.revoked_at IS NULL", hash);
        await using var reader = await select.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancel).ConfigureAwait(false) || !CryptographicOperations.FixedTimeEquals(hash, reader.GetFieldValue<byte[]>(4)))
        {
            return null;
        }

        return new TokenInfo(reader.GetInt64(0), reader.GetString(1), Scope(reader.GetString(2)), reader.GetFieldValue<DateTimeOffset>(3), null);
    }

    internal static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Name(TokenScope scope) => scope == TokenScope.Push ? "push" : "read";

    private static TokenScope Scope(string name) => name == "push" ? TokenScope.Push : TokenScope.Read;
}

public enum TokenScope
{
    /// <summary>Pushes to its repository, and reads.</summary>
    Push,

    /// <summary>Reads only.</summary>
    Read,
}

/// <summary>A token as listed: never the token itself.</summary>
public sealed record TokenInfo(long Id, string Repository, TokenScope Scope, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
