using System.Buffers;
using System.Text;
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
        var buffer = new ArrayBufferWriter<byte>(16 + (facts.Items.Count * 8));
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
        buffer.Write([Version]);
        WriteInt(buffer, facts.CheckboxesTotal);
        WriteInt(buffer, facts.CheckboxesChecked);
        WriteInt(buffer, table.Count);
        table.ForEach(s => WriteString(buffer, s));
        WriteInt(buffer, rows.Count);
        foreach (var (f, section, owner) in rows)
        {
            buffer.Write([(byte)f.State, (byte)(f.PriorityRank ?? byte.MaxValue)]);
            WriteInt(buffer, f.Due is { } due ? due.DayNumber + 1 : 0);
            WriteInt(buffer, f.CriteriaTotal);
            WriteInt(buffer, f.CriteriaChecked);
            WriteInt(buffer, section);
            WriteInt(buffer, owner);
        }

        WriteInt(buffer, facts.Notes.Count);
        foreach (var note in facts.Notes)
        {
            WriteInt(buffer, note.Position.Line);
            WriteInt(buffer, note.Position.Column);
            WriteString(buffer, note.Message);
        }

        return buffer.WrittenSpan.ToArray();
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

    // Unsigned LEB128, as BinaryWriter.Write7BitEncodedInt writes it.
    private static void WriteInt(ArrayBufferWriter<byte> buffer, int value)
    {
        uint v = (uint)value;
        while (v >= 0x80)
        {
            buffer.Write([(byte)(v | 0x80)]);
            v >>= 7;
        }

        buffer.Write([(byte)v]);
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string value)
    {
        WriteInt(buffer, Encoding.UTF8.GetByteCount(value));
        buffer.Write(Encoding.UTF8.GetBytes(value));
    }
}
