using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Punchlist.Server.Team;

/// <summary>
/// An answer rendered once and served many times: its bytes as they are, gzip- and Brotli-compressed
/// once (at the level that pays when a thousand reads share one compression), and a tag of their
/// content, so every instance gives the same bytes the same tag. A read then costs writing bytes: 304
/// when If-None-Match names the tag, otherwise the smaller of the encodings the client accepts (Brotli
/// at the level compressing costs no more than gzip's is not always smaller). The response
/// compression middleware leaves an answer that already names its Content-Encoding alone.
/// </summary>
internal sealed class RenderedAnswer : IResult
{
    private readonly byte[] _identity;
    private readonly byte[] _gzip;
    private readonly byte[] _brotli;
    private readonly string _contentType;

    private RenderedAnswer(byte[] identity, byte[] gzip, byte[] brotli, string contentType, string etag)
    {
        _identity = identity;
        _gzip = gzip;
        _brotli = brotli;
        _contentType = contentType;
        ETag = etag;
    }

    /// <summary>A weak tag: the encodings are the same content, so a tag names all three.</summary>
    public string ETag { get; }

    public static RenderedAnswer Of(byte[] body, string contentType)
    {
        string etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"";
        return new RenderedAnswer(body, Compress(body, s => new GZipStream(s, CompressionLevel.Optimal)), Compress(body, s => new BrotliStream(s, CompressionLevel.Optimal)), contentType, etag);
    }

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (Api.Conditional.NotModified(context, ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var (body, encoding) = Choose(context.Request);
        response.ContentType = _contentType;
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    // The smaller of Brotli and gzip among those accepted, else the bytes as they are; `*` accepts either, q=0 refuses.
    private (byte[] Body, string? Encoding) Choose(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        bool Accepts(string name) => accepted.Any(a => (a.Value.Equals(name, StringComparison.OrdinalIgnoreCase) || a.Value == "*") && a.Quality is not 0)
            && !accepted.Any(a => a.Value.Equals(name, StringComparison.OrdinalIgnoreCase) && a.Quality is 0);
        (byte[], string?) best = (_identity, null);
        foreach (var (body, name) in new[] { (_brotli, "br"), (_gzip, "gzip") })
        {
            if (body.Length < best.Item1.Length && Accepts(name))
            {
                best = (body, name);
            }
        }

        return best;
    }

    private static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        using (var compressing = compressor(buffer))
        {
            compressing.Write(body);
        }

        return buffer.ToArray();
    }
}
