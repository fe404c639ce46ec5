using Punchlist.Analysis;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Storage.Codecs;

/// <summary>
/// <see cref="DocumentFacts"/> as a compact blob: a few bytes per item, so that `punch status` on a
/// workspace of a million items reads megabytes, not a table of a million rows. Section titles and
/// owners repeat, so each document keeps a table of its strings and items point into it.
/// </summary>
internal static class FactsCodec
{
    private const byte Version = 1;

    public static byte[] Encode(DocumentFacts facts)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
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
        writer.Write(Version);
        writer.Write7BitEncodedInt(facts.CheckboxesTotal);
        writer.Write7BitEncodedInt(facts.CheckboxesChecked);
        writer.Write7BitEncodedInt(table.Count);
        table.ForEach(writer.Write);
        writer.Write7BitEncodedInt(rows.Count);
        foreach (var (f, section, owner) in rows)
        {
            writer.Write((byte)f.State);
            writer.Write((byte)(f.PriorityRank ?? byte.MaxValue));
            writer.Write7BitEncodedInt(f.Due is { } due ? due.DayNumber + 1 : 0);
            writer.Write7BitEncodedInt(f.CriteriaTotal);
            writer.Write7BitEncodedInt(f.CriteriaChecked);
            writer.Write7BitEncodedInt(section);
            writer.Write7BitEncodedInt(owner);
        }

        writer.Write7BitEncodedInt(facts.Notes.Count);
        foreach (var note in facts.Notes)
        {
            writer.Write7BitEncodedInt(note.Position.Line);
            writer.Write7BitEncodedInt(note.Position.Column);
            writer.Write(note.Message);
        }

        writer.Flush();
        return stream.ToArray();
    }

    public static DocumentFacts Decode(string path, string? title, byte[] blob)
    {
        using var reader = new BinaryReader(new MemoryStream(blob));
        if (reader.ReadByte() != Version)
        {
            throw new InvalidDataException("facts written by another version");
        }

        int boxes = reader.Read7BitEncodedInt(), checkedBoxes = reader.Read7BitEncodedInt();
        var table = new string?[reader.Read7BitEncodedInt() + 1];
        for (int i = 1; i < table.Length; i++)
        {
            table[i] = reader.ReadString();
        }

        var items = new ItemFacts[reader.Read7BitEncodedInt()];
        for (int i = 0; i < items.Length; i++)
        {
            var state = (ItemState)reader.ReadByte();
            byte rank = reader.ReadByte();
            int due = reader.Read7BitEncodedInt();
            items[i] = new ItemFacts(state, rank == byte.MaxValue ? null : rank, due == 0 ? null : DateOnly.FromDayNumber(due - 1),
                reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt(), table[reader.Read7BitEncodedInt()], table[reader.Read7BitEncodedInt()]);
        }

        var notes = new DocumentNote[reader.Read7BitEncodedInt()];
        for (int i = 0; i < notes.Length; i++)
        {
            var position = new LinePosition(reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt());
            notes[i] = new DocumentNote(position, reader.ReadString());
        }

        return new DocumentFacts(path, title, boxes, checkedBoxes, items, notes);
    }
}
