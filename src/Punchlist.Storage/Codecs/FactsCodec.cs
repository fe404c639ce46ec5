using Punchlist.Analysis;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Storage.Codecs;

/// <summary>
/// <see cref="DocumentFacts"/> as a compact blob: a few bytes per item (varints), so that `punch
/// status` on a workspace of a million items reads megabytes, not a table of a million rows, and
/// decodes them straight from a span. Section titles and owners repeat, so each document keeps a
/// table of its strings and items point into it.
/// </summary>
internal static class FactsCodec
{
    private const byte Version = 1;

    public static byte[] Encode(DocumentFacts facts)
    {
        var writer = new VarintWriter(16 + (facts.Items.Count * 8));
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        int Index(string? s)
        {
            if (s is null)
            {
                return 0;
            }

            if (!strings.TryGetValue(s, out int i))
            {
                table.Add(s);
                strings[s] = i = table.Count;
            }

            return i;
        }

        var rows = facts.Items.Select(f => (f, Section: Index(f.Section), Owner: Index(f.Owner))).ToList();
        writer.Byte(Version);
        writer.Int(facts.CheckboxesTotal);
        writer.Int(facts.CheckboxesChecked);
        writer.Int(table.Count);
        table.ForEach(writer.String);
        writer.Int(rows.Count);
        foreach (var (f, section, owner) in rows)
        {
            writer.Byte((byte)f.State);
            writer.Byte((byte)(f.PriorityRank ?? byte.MaxValue));
            writer.Int(f.Due is { } due ? due.DayNumber + 1 : 0);
            writer.Int(f.CriteriaTotal);
            writer.Int(f.CriteriaChecked);
            writer.Int(section);
            writer.Int(owner);
        }

        writer.Int(facts.Notes.Count);
        foreach (var note in facts.Notes)
        {
            writer.Int(note.Position.Line);
            writer.Int(note.Position.Column);
            writer.String(note.Message);
        }

        return writer.ToArray();
    }

    public static DocumentFacts Decode(string path, string? title, ReadOnlySpan<byte> blob)
    {
        var reader = new VarintReader(blob);
        if (reader.Byte() != Version)
        {
            throw new InvalidDataException("facts written by another version");
        }

        int boxes = reader.Int(), checkedBoxes = reader.Int();
        var table = new string?[reader.Int() + 1];
        for (int i = 1; i < table.Length; i++)
        {
            table[i] = reader.String();
        }

        var items = new ItemFacts[reader.Int()];
        for (int i = 0; i < items.Length; i++)
        {
            var state = (ItemState)reader.Byte();
            byte rank = reader.Byte();
            int due = reader.Int();
            items[i] = new ItemFacts(state, rank == byte.MaxValue ? null : rank, due == 0 ? null : DateOnly.FromDayNumber(due - 1),
                reader.Int(), reader.Int(), table[reader.Int()], table[reader.Int()]);
        }

        var notes = new DocumentNote[reader.Int()];
        for (int i = 0; i < notes.Length; i++)
        {
            var position = new LinePosition(reader.Int(), reader.Int());
            notes[i] = new DocumentNote(position, reader.String());
        }

        return new DocumentFacts(path, title, boxes, checkedBoxes, items, notes);
    }
}
