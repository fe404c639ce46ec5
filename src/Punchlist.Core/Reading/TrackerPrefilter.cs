namespace Punchlist.Reading;

/// <summary>
/// Decides from the raw bytes, before any decoding or parsing, whether a file can hold a task or a
/// card. It may say yes to a file that turns out not to be a tracker, never no to one that is:
/// a line whose first non-blank, non-quote, non-marker text is a box `[c]`; a heading or setext
/// underline next to an ID; a line that starts with a metadata key that names work. A documentation
/// tree is mostly files that fail all three, and those are never parsed.
/// </summary>
public static class TrackerPrefilter
{
    private static readonly byte[][] ItemKeys =
        [.. new[] { "status", "priority", "owner", "assignee", "assigned", "due", "deadline", "effort", "estimate", "severity", "state", "prio", "responsible", "dri", "eta", "target date", "est", "owners" }
            .Select(System.Text.Encoding.ASCII.GetBytes)];

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
            return HasIdToken(line[i..]);
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

        return StartsWithItemKey(line[j..]);
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
