using System.Buffers;
using System.Text;

namespace Punchlist.Storage.Codecs;

/// <summary>
/// Writes what <see cref="VarintReader"/> reads: bytes, unsigned LEB128 integers (as
/// BinaryWriter.Write7BitEncodedInt writes them) and length-prefixed UTF-8 strings.
/// </summary>
internal sealed class VarintWriter(int capacity)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(Math.Max(1, capacity));

    public void Byte(byte value) => _buffer.Write([value]);

    public void Int(int value)
    {
        uint v = (uint)value;
        while (v >= 0x80)
        {
            Byte((byte)(v | 0x80));
            v >>= 7;
        }

        Byte((byte)v);
    }

    public void String(string value)
    {
        Int(Encoding.UTF8.GetByteCount(value));
        _buffer.Write(Encoding.UTF8.GetBytes(value));
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
