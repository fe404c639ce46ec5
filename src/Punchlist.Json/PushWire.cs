using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Punchlist.Json;

/// <summary>
/// `punchlist.push/1` on the wire: compact JSON, gzip-compressed (`Content-Encoding: gzip`). Reading
/// caps the decompressed size, so a small body cannot expand into more than the server will hold, and
/// refuses anything that is not a well-formed push with a <see cref="PushFormatException"/>.
/// </summary>
public static partial class PushWire
{
    public const string ContentType = "application/json";

    public const string ContentEncoding = "gzip";

    /// <summary>The largest push read, decompressed: far above a repository of a thousand trackers.</summary>
    public const long DefaultMaxJsonBytes = 256L * 1024 * 1024;

    // Writing: the shared settings, compact. Reading also refuses nulls where the shape has none and
    // missing constructor fields, so a push is whole or refused.
    private static readonly PunchJsonContext Compact = new(new JsonSerializerOptions(PunchJson.Options) { WriteIndented = false });

    private static readonly PunchJsonContext Strict = new(new JsonSerializerOptions(PunchJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        MaxDepth = 32,
    });

    public static byte[] Encode(PushJson push)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, push, Compact.PushJson);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a gzip-compressed push (or, with <paramref name="gzip"/> false, plain JSON).</summary>
    /// <exception cref="PushFormatException">Not gzip, not JSON, not `punchlist.push/1`, larger than <paramref name="maxJsonBytes"/>, or inconsistent.</exception>
    public static PushJson Decode(Stream body, bool gzip = true, long maxJsonBytes = DefaultMaxJsonBytes)
    {
        PushJson? push;
        try
        {
            using var source = gzip ? new GZipStream(body, CompressionMode.Decompress, leaveOpen: true) : body;
            using var capped = new CappedStream(source, maxJsonBytes);
            push = JsonSerializer.Deserialize(capped, Strict.PushJson);
        }
        catch (InvalidDataException e)
        {
            throw new PushFormatException($"the body is not gzip: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new PushFormatException($"the body is not a punchlist.push/1 document: {e.Message}");
        }

        return Validate(push ?? throw new PushFormatException("the body is empty"));
    }

    /// <summary>What the server relies on beyond the shape: names and hashes it keys rows by, no duplicate paths.</summary>
    public static PushJson Validate(PushJson push)
    {
        if (push.Schema != PushJson.Version)
        {
            throw new PushFormatException($"schema '{push.Schema}' is not {PushJson.Version}");
        }

        if (!IsRepositoryName(push.Repository))
        {
            throw new PushFormatException($"repository '{push.Repository}' is not OWNER/NAME");
        }

        if (!CommitId().IsMatch(push.Commit.Sha))
        {
            throw new PushFormatException($"commit '{push.Commit.Sha}' is not a full commit id (40 or 64 hexadecimal digits)");
        }

        if (!DateOnly.TryParseExact(push.Today, "yyyy-MM-dd", out _))
        {
            throw new PushFormatException($"today '{push.Today}' is not YYYY-MM-DD");
        }

        if (push.History is { } history && (history.Count > PushJson.HistoryDays
            || history.Any(d => !DateOnly.TryParseExact(d.Day, "yyyy-MM-dd", out _) || d.Scope < 0 || d.Done < 0 || d.Done > d.Scope)
            || history.Select(d => d.Day).Distinct(StringComparer.Ordinal).Count() != history.Count))
        {
            throw new PushFormatException($"history holds at most {PushJson.HistoryDays} distinct days (YYYY-MM-DD), each with 0 <= done <= scope");
        }

        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in push.Documents)
        {
            if (document.Path.Length is 0 or > 1024 || !paths.Add(document.Path))
            {
                throw new PushFormatException($"document path '{document.Path}' is empty, too long or repeated");
            }

            if (!ContentHash().IsMatch(document.Sha256))
            {
                throw new PushFormatException($"document '{document.Path}' has no SHA-256 content hash");
            }

            if (document.ReviewDue is { } review && !DateOnly.TryParseExact(review, "yyyy-MM-dd", out _))
            {
                throw new PushFormatException($"document '{document.Path}': reviewDue '{review}' is not YYYY-MM-DD");
            }
        }

        return push;
    }

    /// <summary>OWNER/NAME, or GROUP/SUBGROUP/NAME as GitLab nests them: letters, digits, `.`, `_`, `-`; no part of dots alone.</summary>
    public static bool IsRepositoryName(string? name) =>
        name is { Length: > 2 and <= 200 } && RepositoryName().IsMatch(name) && !name.Split('/').Any(part => part.Trim('.').Length == 0);

    [GeneratedRegex("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$")]
    private static partial Regex RepositoryName();

    [GeneratedRegex("^([0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial Regex CommitId();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex ContentHash();

    /// <summary>Stops reading past a limit: the guard against a small gzip body that expands without end.</summary>
    private sealed class CappedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        private int Count(int n)
        {
            _read += n;
            return _read > limit ? throw new PushTooLargeException(limit) : n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>A push body that is not a well-formed `punchlist.push/1` (HTTP 400).</summary>
public class PushFormatException(string message) : Exception(message);

/// <summary>A push body that decompresses past the limit (HTTP 413).</summary>
public sealed class PushTooLargeException(long limit) : PushFormatException($"the push is larger than {limit} bytes uncompressed");
