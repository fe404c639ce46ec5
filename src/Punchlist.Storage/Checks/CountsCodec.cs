using Punchlist.Analysis.Findings;
using Punchlist.Storage.Codecs;

namespace Punchlist.Storage.Checks;

/// <summary><see cref="CheckCounts"/> as nine varints.</summary>
internal static class CountsCodec
{
    public static byte[] Encode(CheckCounts c)
    {
        var writer = new VarintWriter(16);
        foreach (int value in new[] { c.Findings, c.Errors, c.Warnings, c.Notes, c.Done, c.Verified, c.Contradicted, c.Unknown, c.Late })
        {
            writer.Int(value);
        }

        return writer.ToArray();
    }

    public static CheckCounts Decode(ReadOnlySpan<byte> blob)
    {
        var reader = new VarintReader(blob);
        return new CheckCounts(reader.Int(), reader.Int(), reader.Int(), reader.Int(), reader.Int(), reader.Int(), reader.Int(), reader.Int(), reader.Int());
    }
}
