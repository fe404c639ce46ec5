using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Punchlist.Server.Security;

/// <summary>
/// The write token and the optional read token. A presented token is compared with each in constant
/// time, over SHA-256 digests so that not even its length shows in the timing. Tokens come from a
/// request's `Authorization: Bearer …` header, or for pages a form field or the read cookie.
/// </summary>
public sealed class Tokens
{
    public const string ReadCookie = "punchlist-read";

    private readonly byte[]? _write;
    private readonly byte[]? _read;

    public Tokens(IOptions<ServerOptions> options)
    {
        _write = Digest(options.Value.Token);
        _read = Digest(options.Value.ReadToken);
    }

    public bool WritesAllowed => _write is not null;

    public bool ReadsNeedToken => _read is not null;

    /// <summary>The write token: may write, and read.</summary>
    public bool IsWriter(string? presented) => _write is not null && Matches(presented, _write);

    /// <summary>May read: no read token is configured, or the read or write token is presented.</summary>
    public bool IsReader(string? presented) => _read is null || Matches(presented, _read) || IsWriter(presented);

    /// <summary>Whether a presented token is one of this server's (the write or the read token), whatever reads need.</summary>
    public bool Recognises(string? presented) => IsWriter(presented) || (_read is not null && Matches(presented, _read));

    /// <summary>The bearer token of a request's Authorization header, if any.</summary>
    public static string? Bearer(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static bool Matches(string? presented, byte[] expected) =>
        !string.IsNullOrEmpty(presented) && CryptographicOperations.FixedTimeEquals(Digest(presented)!, expected);

    private static byte[]? Digest(string? token) => string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
