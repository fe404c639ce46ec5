using System.Text;

namespace Punchlist.Storage.Codecs;

/// <summary>
/// Reads the blobs the codecs write (unsigned LEB128 integers, as BinaryWriter.Write7BitEncodedInt
/// writes them, and length-prefixed UTF-8 strings) straight from a span: no stream or reader per blob,
/// which counts when a warm status decodes ten thousand summaries.
/// </summary>
internal ref struct VarintReader(ReadOnlySpan<byte> span)
{
    private readonly ReadOnlySpan<byte> _span = span;
    private int _at;

    public byte Byte() => _span[_at++];

    public int Int()
    {
        uint value = 0;
        int shift = 0;
        byte b;
        do
        {
            b = _span[_at++];
            value |= (uint)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0 && shift < 35);

        return (int)value;
    }

    public string String()
    {
        int length = Int();
        string value = Encoding.UTF8.GetString(_span.Slice(_at, length));
        _at += length;
        return value;
    }
}
