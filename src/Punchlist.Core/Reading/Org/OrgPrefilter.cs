namespace Punchlist.Reading.Org;

/// <summary>
/// <see cref="TrackerPrefilter"/> for Org files: on the raw bytes, a file can hold an item only if a
/// line declares TODO keywords (`#+TODO:`, `#+SEQ_TODO:`, `#+TYP_TODO:`), a headline starts with one of
/// the keywords Org files use without declaring them, or a plain-list item carries a box. Notes,
/// literate configurations and exported documents have none of the three and are never parsed.
/// </summary>
internal static class OrgPrefilter
{
    public static bool MayHoldItems(ReadOnlySpan<byte> bytes)
    {
        // UTF-16 (a BOM) is rare enough to always parse; a UTF-8 BOM is not part of the first line.
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return true;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        while (!bytes.IsEmpty)
        {
            int end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..end];
            if (LineMayHoldItem(line))
            {
                return true;
            }

            bytes = end < 0 ? default : bytes[(end + 1)..];
        }

        return false;
    }

    private static bool LineMayHoldItem(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[0] == '*')
        {
            int stars = line.IndexOfAnyExcept((byte)'*');
            if (stars > 0 && line[stars] == ' ')
            {
                var word = line[(stars + 1)..].TrimStart((byte)' ');
                int wordEnd = word.IndexOfAny((byte)' ', (byte)'\t', (byte)'\r');
                word = wordEnd < 0 ? word : word[..wordEnd];
                if (word.Length > 16)
                {
                    return false;
                }

                Span<char> chars = stackalloc char[word.Length];
                for (int k = 0; k < word.Length; k++)
                {
                    chars[k] = (char)word[k];
                }

                return OrgKeywords.IsImplicit(chars);
            }
        }

        int i = 0;
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        var rest = line[i..];
        if (rest.Length > 6 && rest[0] == '#' && rest[1] == '+')
        {
            return StartsWithIgnoreCase(rest[2..], "TODO:"u8) || StartsWithIgnoreCase(rest[2..], "SEQ_TODO:"u8) || StartsWithIgnoreCase(rest[2..], "TYP_TODO:"u8);
        }

        return HasBox(rest, indented: i > 0);
    }

    // A bullet (`-`, `+`, an indented `*`, `1.`, `1)`), blanks, perhaps a counter `[@3]`, then `[ ]`, `[X]`, `[x]` or `[-]`.
    private static bool HasBox(ReadOnlySpan<byte> rest, bool indented)
    {
        int j = 0;
        if (rest.IsEmpty)
        {
            return false;
        }

        if (rest[0] is (byte)'-' or (byte)'+' || (rest[0] == '*' && indented))
        {
            j = 1;
        }
        else
        {
            while (j < rest.Length && j < 9 && rest[j] is >= (byte)'0' and <= (byte)'9')
            {
                j++;
            }

            if (j == 0 || j >= rest.Length || rest[j] is not ((byte)'.' or (byte)')'))
            {
                return false;
            }

            j++;
        }

        int blanks = j;
        while (j < rest.Length && rest[j] is (byte)' ' or (byte)'\t')
        {
            j++;
        }

        if (j == blanks)
        {
            return false;
        }

        if (j + 1 < rest.Length && rest[j] == '[' && rest[j + 1] == '@')
        {
            int close = rest[j..].IndexOf((byte)']');
            j = close < 0 ? j : j + close + 1;
            while (j < rest.Length && rest[j] is (byte)' ' or (byte)'\t')
            {
                j++;
            }
        }

        return j + 2 < rest.Length && rest[j] == '[' && rest[j + 2] == ']' && rest[j + 1] is (byte)' ' or (byte)'X' or (byte)'x' or (byte)'-';
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> word)
    {
        if (text.Length < word.Length)
        {
            return false;
        }

        for (int k = 0; k < word.Length; k++)
        {
            if ((text[k] | 0x20) != (word[k] | 0x20))
            {
                return false;
            }
        }

        return true;
    }
}
