namespace Punchlist.Reading;

/// <summary>
/// Decides from the raw bytes, before any decoding or parsing, whether a file can hold an item. It may
/// say yes to a file that turns out not to be a tracker, never no to one that is: a line whose first
/// non-blank, non-quote, non-marker text is a box `[c]`, a state emoji (`- ✅ …`, `### ☐ …`) or a strike
/// (`1. ~~…`); a list entry that ends in `DONE` or a state emoji; a heading or setext underline next
/// to an ID; a line that starts with a metadata key that names work; a table row that names a status
/// or holds a state emoji or a box. A documentation tree is mostly files that fail all of these, and
/// those are never parsed.
/// </summary>
public static class TrackerPrefilter
{
    private static readonly byte[][] ItemKeys =
        [.. new[] { "status", "priority", "owner", "assignee", "assigned", "due", "deadline", "effort", "estimate", "severity", "state", "prio", "responsible", "dri", "eta", "target date", "est", "owners", "estado", "statut", "stato" }
            .Select(System.Text.Encoding.ASCII.GetBytes)];

    // Words a table's status header may be, in the scripts teams write them (UTF-8 bytes, matched without case for ASCII).
    private static readonly byte[][] StatusHeaders =
        [.. new[] { "status", "state", "estado", "statut", "stato", "الحالة", "статус", "состояние", "状态", "状態", "ステータス" }
            .Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>As <see cref="MayHoldItems(ReadOnlySpan{byte})"/>, by the rules of the file's format (Org for `*.org`).</summary>
    public static bool MayHoldItems(string path, ReadOnlySpan<byte> bytes) =>
        DocumentReader.FormatOf(path) == Model.DocumentFormat.Org ? Org.OrgPrefilter.MayHoldItems(bytes) : MayHoldItems(bytes);

    public static bool MayHoldItems(ReadOnlySpan<byte> bytes)
    {
        // UTF-16 (a BOM) is rare enough to always parse.
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return true;
        }

        ReadOnlySpan<byte> previous = default;
        while (!bytes.IsEmpty)
        {
            int end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..end];
            if (LineMayHoldItem(line, previous))
            {
                return true;
            }

            previous = line;
            bytes = end < 0 ? default : bytes[(end + 1)..];
        }

        return false;
    }

    private static bool LineMayHoldItem(ReadOnlySpan<byte> line, ReadOnlySpan<byte> previous)
    {
        int i = 0;
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t' or (byte)'>')
        {
            i++;
        }

        if (i >= line.Length)
        {
            return false;
        }

        byte first = line[i];
        if (first == '#')
        {
            return HasIdToken(line[i..]) || StartsWithMarker(SkipHashes(line[i..]));
        }

        if (first == '|')
        {
            return TableRowMayHoldItem(line[i..]);
        }

        if ((first == '=' || first == '-') && IsUnderline(line[i..]) && HasIdToken(previous))
        {
            return true;
        }

        // Skip a list marker: -, *, + or 1. / 1)
        int j = i;
        if (first is (byte)'-' or (byte)'*' or (byte)'+')
        {
            j++;
        }
        else
        {
            while (j < line.Length && j - i < 9 && line[j] is >= (byte)'0' and <= (byte)'9')
            {
                j++;
            }

            j = j > i && j < line.Length && line[j] is (byte)'.' or (byte)')' ? j + 1 : i;
        }

        while (j < line.Length && line[j] is (byte)' ' or (byte)'\t')
        {
            j++;
        }

        if (j + 2 < line.Length && line[j] == '[' && line[j + 2] == ']')
        {
            return true;
        }

        bool listed = j > i;
        var rest = line[j..];
        while (!rest.IsEmpty && rest[0] is (byte)'*' or (byte)'_' or (byte)'`')
        {
            rest = rest[1..];
        }

        if (StartsWithMarker(rest) || (listed && rest.Length > 1 && rest[0] == '~' && rest[1] == '~') || (listed && EndsWithState(rest)))
        {
            return true;
        }

        return StartsWithItemKey(line[j..]);
    }

    private static ReadOnlySpan<byte> SkipHashes(ReadOnlySpan<byte> line)
    {
        int k = 0;
        while (k < line.Length && line[k] is (byte)'#' or (byte)' ' or (byte)'\t' or (byte)'*' or (byte)'_')
        {
            k++;
        }

        return line[k..];
    }

    // A state emoji or ballot box at the start: decoded only when the line starts with a multi-byte character.
    private static bool StartsWithMarker(ReadOnlySpan<byte> text) =>
        !text.IsEmpty && text[0] >= 0xE2 && System.Text.Rune.DecodeFromUtf8(text, out var rune, out _) == System.Buffers.OperationStatus.Done
        && Vocabulary.StateMarkers.At(rune.ToString()) is not null;

    // `… DONE`, `… DONE (notes)`, `… ✅`: a list entry that closes with its state.
    private static bool EndsWithState(ReadOnlySpan<byte> text)
    {
        text = text.TrimEnd((byte)'\r').TrimEnd((byte)' ');
        if (!text.IsEmpty && text[^1] == ')')
        {
            int open = text.LastIndexOf((byte)'(');
            text = open > 0 ? text[..open].TrimEnd((byte)' ') : text;
        }

        text = text.TrimEnd((byte)'*');
        if (text.EndsWith("DONE"u8))
        {
            return true;
        }

        // The last character, if it is a multi-byte one (and its variation selector, EF B8 8F, before it).
        if (text.EndsWith("\uFE0F"u8))
        {
            text = text[..^3];
        }

        int start = text.Length - 1;
        while (start > 0 && start > text.Length - 4 && (text[start] & 0xC0) == 0x80)
        {
            start--;
        }

        return start >= 0 && text[start] >= 0xE2 && StartsWithMarker(text[start..]);
    }

    // A table row that names a status, or holds a state emoji or a box in a cell. Rows of other tables are not items.
    private static bool TableRowMayHoldItem(ReadOnlySpan<byte> line)
    {
        foreach (var header in StatusHeaders)
        {
            if (ContainsIgnoreAsciiCase(line, header))
            {
                return true;
            }
        }

        if (line.IndexOf("[x]"u8) >= 0 || line.IndexOf("[ ]"u8) >= 0 || line.IndexOf("[X]"u8) >= 0)
        {
            return true;
        }

        for (int k = line.IndexOfAnyInRange((byte)0xE2, (byte)0xF4); k >= 0; k = Next(line, k))
        {
            if (StartsWithMarker(line[k..]))
            {
                return true;
            }
        }

        return false;

        static int Next(ReadOnlySpan<byte> line, int k)
        {
            int next = line[(k + 1)..].IndexOfAnyInRange((byte)0xE2, (byte)0xF4);
            return next < 0 ? -1 : k + 1 + next;
        }
    }

    private static bool ContainsIgnoreAsciiCase(ReadOnlySpan<byte> text, byte[] word)
    {
        for (int at = 0; at + word.Length <= text.Length; at++)
        {
            int k = 0;
            while (k < word.Length && (text[at + k] == word[k] || (word[k] < 0x80 && (text[at + k] | 0x20) == word[k])))
            {
                k++;
            }

            if (k == word.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithItemKey(ReadOnlySpan<byte> text)
    {
        while (!text.IsEmpty && text[0] is (byte)'*' or (byte)'_')
        {
            text = text[1..];
        }

        foreach (var key in ItemKeys)
        {
            if (text.Length > key.Length && StartsWithIgnoreCase(text, key))
            {
                var rest = text[key.Length..];
                while (!rest.IsEmpty && rest[0] is (byte)'*' or (byte)'_' or (byte)' ')
                {
                    rest = rest[1..];
                }

                if (!rest.IsEmpty && rest[0] == ':')
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, byte[] key)
    {
        for (int k = 0; k < key.Length; k++)
        {
            if ((text[k] | 0x20) != key[k] && !(key[k] == ' ' && (text[k] == '_' || text[k] == ' ')))
            {
                return false;
            }
        }

        return true;
    }

    // An upper-case letter run, a dash, then a digit somewhere in the word: the shape of `P0-001`.
    private static bool HasIdToken(ReadOnlySpan<byte> line)
    {
        for (int k = 1; k + 1 < line.Length; k++)
        {
            if (line[k] != '-' || line[k - 1] is not ((>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')))
            {
                continue;
            }

            for (int m = k + 1; m < line.Length && IsAlnum(line[m]); m++)
            {
                if (line[m] is >= (byte)'0' and <= (byte)'9')
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsAlnum(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z');

    private static bool IsUnderline(ReadOnlySpan<byte> line)
    {
        byte c = line[0];
        foreach (byte b in line)
        {
            if (b != c && b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }
}
