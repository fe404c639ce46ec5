using Punchlist.Analysis;
using Punchlist.Analysis.Findings;
using Punchlist.Model;
using Punchlist.Storage.Codecs;

namespace Punchlist.Storage.Checks;

/// <summary>
/// <see cref="CheckCounts"/> as a format version, eight varints, and the items past their SLA (each:
/// place, key, title, priority, state, owner, due date and deadline as day numbers, 0 for none).
/// </summary>
internal static class CountsCodec
{
    // 2: the SLA breaches replace a count of late items, so that status can say whose they are. (Rows
    // of the first format, which had no version byte, never reach a newer build: any change to the
    // code empties the index, see Fingerprint. The byte keeps the next change from relying on that.)
    private const byte Version = 2;

    public static byte[] Encode(CheckCounts c)
    {
        var writer = new VarintWriter(16 + (c.PastSla.Count * 48));
        writer.Byte(Version);
        foreach (int value in new[] { c.Findings, c.Errors, c.Warnings, c.Notes, c.Done, c.Verified, c.Contradicted, c.Unknown })
        {
            writer.Int(value);
        }

        writer.Int(c.PastSla.Count);
        foreach (var b in c.PastSla)
        {
            writer.Int(b.Ordinal);
            writer.String(b.Key);
            writer.String(b.Title);
            writer.String(b.Priority ?? string.Empty);
            writer.Int((int)b.State);
            writer.Byte(b.Owner is null ? (byte)0 : (byte)1);
            writer.String(b.Owner ?? string.Empty);
            writer.Int(b.Due?.DayNumber + 1 ?? 0);
            writer.Int(b.Deadline.DayNumber);
        }

        return writer.ToArray();
    }

    /// <summary>The counts, or null when another version wrote them (the row is then checked again).</summary>
    public static CheckCounts? Decode(ReadOnlySpan<byte> blob)
    {
        var reader = new VarintReader(blob);
        if (blob.IsEmpty || reader.Byte() != Version)
        {
            return null;
        }

        var counts = new CheckCounts(reader.Int(), reader.Int(), reader.Int(), reader.Int(), reader.Int(), reader.Int(), reader.Int(), reader.Int());
        var pastSla = new SlaBreach[reader.Int()];
        for (int i = 0; i < pastSla.Length; i++)
        {
            int ordinal = reader.Int();
            string key = reader.String(), title = reader.String(), priority = reader.String();
            var state = (ItemState)reader.Int();
            bool owned = reader.Byte() != 0;
            string owner = reader.String();
            int due = reader.Int();
            pastSla[i] = new SlaBreach(ordinal, key, title, priority.Length == 0 ? null : priority, state, owned ? owner : null,
                due == 0 ? null : DateOnly.FromDayNumber(due - 1), DateOnly.FromDayNumber(reader.Int()));
        }

        return counts with { PastSla = pastSla };
    }
}
