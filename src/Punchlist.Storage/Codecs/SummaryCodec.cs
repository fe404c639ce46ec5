using Punchlist.Analysis;

namespace Punchlist.Storage.Codecs;

/// <summary>
/// <see cref="DocumentSummary"/> as a blob of varints (path and title live in their own columns):
/// the counts, the priority tiers, and the open items' due dates as day numbers, each after the
/// first as the gap from the one before.
/// </summary>
internal static class SummaryCodec
{
    private const byte Version = 1;

    public static byte[] Encode(DocumentSummary summary)
    {
        var writer = new VarintWriter(32 + (summary.OpenDue.Count * 2));
        writer.Byte(Version);
        var c = summary.Items;
        foreach (int value in new[] { c.Total, c.Open, c.InProgress, c.Done, c.Blocked, c.Cancelled, summary.CheckboxesTotal, summary.CheckboxesChecked, summary.CriteriaTotal, summary.CriteriaChecked })
        {
            writer.Int(value);
        }

        writer.Int(summary.ByPriority.Count);
        foreach (var tier in summary.ByPriority)
        {
            writer.Int(tier.Total);
            writer.Int(tier.Done);
        }

        writer.Int(summary.OpenDue.Count);
        int previous = 0;
        foreach (var due in summary.OpenDue)
        {
            writer.Int(due.DayNumber - previous);
            previous = due.DayNumber;
        }

        return writer.ToArray();
    }

    public static DocumentSummary Decode(string path, string? title, ReadOnlySpan<byte> blob)
    {
        var reader = new VarintReader(blob);
        if (reader.Byte() != Version)
        {
            throw new InvalidDataException("a summary written by another version");
        }

        var items = new ItemCounts(reader.Int(), reader.Int(), reader.Int(), reader.Int(), reader.Int(), reader.Int());
        int boxes = reader.Int(), checkedBoxes = reader.Int(), criteria = reader.Int(), checkedCriteria = reader.Int();
        var tiers = new TierCount[reader.Int()];
        for (int i = 0; i < tiers.Length; i++)
        {
            tiers[i] = new TierCount(reader.Int(), reader.Int());
        }

        var due = new DateOnly[reader.Int()];
        int day = 0;
        for (int i = 0; i < due.Length; i++)
        {
            day += reader.Int();
            due[i] = DateOnly.FromDayNumber(day);
        }

        return new DocumentSummary(path, title, items, boxes, checkedBoxes, criteria, checkedCriteria, tiers, due);
    }
}
