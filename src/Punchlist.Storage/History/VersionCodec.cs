using Punchlist.History;
using Punchlist.Model;
using Punchlist.Storage.Codecs;

namespace Punchlist.Storage.History;

/// <summary>
/// A <see cref="DocumentVersion"/> as `history_blobs` keeps it: a varint header, then per item its
/// key, ID, title, headings, state, priority, due date, owner and criteria, then the claims. A
/// version is written once per distinct blob and read whenever a later commit changes that document.
/// </summary>
internal static class VersionCodec
{
    private const byte Format = 1;

    public static byte[] Encode(DocumentVersion version)
    {
        var w = new VarintWriter(64 + (version.Items.Count * 48));
        w.Byte(Format);
        w.Byte(version.IsTracker ? (byte)1 : (byte)0);
        Optional(w, version.Title);
        w.Int(version.CheckboxesTotal);
        w.Int(version.CheckboxesChecked);
        w.Int(version.Items.Count);
        foreach (var item in version.Items)
        {
            w.String(item.Key);
            Optional(w, item.Id);
            w.String(item.Title);
            w.String(item.Sections);
            w.Byte((byte)item.State);
            w.Int(item.Priority is { } p ? p + 1 : 0);
            w.Int(item.Due is { } d ? d.DayNumber + 1 : 0);
            Optional(w, item.Owner);
            w.Int(item.CriteriaTotal);
            w.Int(item.CriteriaChecked);
        }

        w.Int(version.Claims.Count);
        foreach (var claim in version.Claims)
        {
            w.String(claim.Label);
            w.String(claim.Declared);
            w.Byte(claim.Holds ? (byte)1 : (byte)0);
        }

        return w.ToArray();
    }

    public static DocumentVersion Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new VarintReader(bytes);
        if (r.Byte() != Format)
        {
            throw new InvalidDataException("a history version in an unknown format");
        }

        bool tracker = r.Byte() == 1;
        string? title = Optional(ref r);
        int boxes = r.Int(), checkedBoxes = r.Int();
        var items = new ItemVersion[r.Int()];
        for (int i = 0; i < items.Length; i++)
        {
            string key = r.String();
            string? id = Optional(ref r);
            string itemTitle = r.String();
            string sections = r.String();
            var state = (ItemState)r.Byte();
            int priority = r.Int(), due = r.Int();
            string? owner = Optional(ref r);
            items[i] = new ItemVersion(key, id, itemTitle, state, priority == 0 ? null : priority - 1, due == 0 ? null : DateOnly.FromDayNumber(due - 1), owner, r.Int(), r.Int(), sections);
        }

        var claims = new ClaimVersion[r.Int()];
        for (int i = 0; i < claims.Length; i++)
        {
            claims[i] = new ClaimVersion(r.String(), r.String(), r.Byte() == 1);
        }

        return new DocumentVersion(tracker, title, boxes, checkedBoxes, items, claims);
    }

    private static void Optional(VarintWriter w, string? text)
    {
        w.Byte(text is null ? (byte)0 : (byte)1);
        if (text is not null)
        {
            w.String(text);
        }
    }

    private static string? Optional(ref VarintReader r) => r.Byte() == 0 ? null : r.String();
}
