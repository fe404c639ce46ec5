using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Punchlist.Text;

/// <summary>
/// The text of one file and the exact bytes it came from. Markdown is parsed from <see cref="Text"/>;
/// edits are spliced into the bytes (<see cref="ToByteOffsets"/>), so a BOM, invalid UTF-8 and line
/// endings outside an edit survive byte for byte.
/// </summary>
public sealed class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    // Each U+FFFD that stands for an invalid byte sequence: its char offset and how many bytes it replaced.
    private readonly (int CharOffset, int ByteLength)[] _invalid;
    private LineMap? _lines;
    private string? _hash;

    private SourceText(string text, byte[] bytes, TextEncodingKind encoding, (int, int)[] invalid)
    {
        Text = text;
        Bytes = bytes;
        Encoding = encoding;
        _invalid = invalid;
    }

    public string Text { get; }

    public byte[] Bytes { get; }

    public TextEncodingKind Encoding { get; }

    /// <summary>True when some bytes were not valid in the file's encoding (each became U+FFFD in <see cref="Text"/>).</summary>
    public bool HasInvalidBytes => _invalid.Length > 0;

    public IEnumerable<int> InvalidByteOffsets => _invalid.Select(i => i.CharOffset);

    public LineMap Lines => _lines ??= LineMap.Build(Text);

    /// <summary>SHA-256 of the bytes, lower-case hex: the identity a conditional write checks.</summary>
    public string ContentHash => _hash ??= Hash(Bytes);

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static SourceText FromString(string text) =>
        new(text, StrictUtf8.GetBytes(text), TextEncodingKind.Utf8, []);

    public static SourceText FromBytes(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeUtf8(bytes, 3, TextEncodingKind.Utf8WithBom);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new SourceText(new UnicodeEncoding(false, false).GetString(bytes, 2, bytes.Length - 2), bytes, TextEncodingKind.Utf16LittleEndian, []);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new SourceText(new UnicodeEncoding(true, false).GetString(bytes, 2, bytes.Length - 2), bytes, TextEncodingKind.Utf16BigEndian, []);
        }

        return DecodeUtf8(bytes, 0, TextEncodingKind.Utf8);
    }

    public LinePosition PositionOf(int offset) => Lines.PositionOf(offset);

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>
    /// Byte offset in <see cref="Bytes"/> of a char offset in <see cref="Text"/>, counted from the start:
    /// the plain reference the splice tests hold <see cref="ToByteOffsets"/> (what splicing uses) to.
    /// </summary>
    public int ToByteOffset(int charOffset)
    {
        switch (Encoding)
        {
            case TextEncodingKind.Utf16LittleEndian:
            case TextEncodingKind.Utf16BigEndian:
                return 2 + (2 * charOffset);
        }

        int bom = Encoding == TextEncodingKind.Utf8WithBom ? 3 : 0;
        int bytes = StrictUtf8.GetByteCount(Text.AsSpan(0, charOffset));
        foreach (var (offset, length) in _invalid)
        {
            if (offset >= charOffset)
            {
                break;
            }

            bytes += length - 3; // U+FFFD re-encodes as 3 bytes; the original sequence had `length`.
        }

        return bom + bytes;
    }

    /// <summary>
    /// Byte offsets of ascending char offsets in one forward pass, where <see cref="ToByteOffset"/>
    /// would count from the start each time: an edit set maps both ends of every edit.
    /// </summary>
    internal int[] ToByteOffsets(IReadOnlyList<int> ascending)
    {
        var result = new int[ascending.Count];
        if (Encoding is TextEncodingKind.Utf16LittleEndian or TextEncodingKind.Utf16BigEndian)
        {
            for (int k = 0; k < result.Length; k++)
            {
                result[k] = 2 + (2 * ascending[k]);
            }

            return result;
        }

        int bytes = Encoding == TextEncodingKind.Utf8WithBom ? 3 : 0, at = 0, invalid = 0;
        for (int k = 0; k < result.Length; k++)
        {
            int target = ascending[k];
            if (target < at)
            {
                throw new ArgumentException("offsets must be ascending", nameof(ascending));
            }

            bytes += StrictUtf8.GetByteCount(Text.AsSpan(at, target - at));
            for (; invalid < _invalid.Length && _invalid[invalid].CharOffset < target; invalid++)
            {
                bytes += _invalid[invalid].ByteLength - 3;
            }

            at = target;
            result[k] = bytes;
        }

        return result;
    }

    /// <summary>Encodes replacement text the way the file is encoded (no BOM).</summary>
    public byte[] Encode(string text) => Encoding switch
    {
        TextEncodingKind.Utf16LittleEndian => new UnicodeEncoding(false, false).GetBytes(text),
        TextEncodingKind.Utf16BigEndian => new UnicodeEncoding(true, false).GetBytes(text),
        _ => StrictUtf8.GetBytes(text),
    };

    private static SourceText DecodeUtf8(byte[] bytes, int start, TextEncodingKind kind)
    {
        ReadOnlySpan<byte> span = bytes.AsSpan(start);
        if (Utf8.IsValid(span))
        {
            return new SourceText(StrictUtf8.GetString(span), bytes, kind, []);
        }

        // Invalid UTF-8: decode rune by rune and remember what each U+FFFD replaced, so that byte
        // offsets can still be computed and the invalid bytes written back untouched.
        var text = new StringBuilder(span.Length);
        var invalid = new List<(int, int)>();
        while (!span.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(span, out var rune, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                invalid.Add((text.Length, consumed));
                rune = Rune.ReplacementChar;
            }

            text.Append(rune.ToString());
            span = span[consumed..];
        }

        return new SourceText(text.ToString(), bytes, kind, [.. invalid]);
    }
}
