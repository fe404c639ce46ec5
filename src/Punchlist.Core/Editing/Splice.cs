using Punchlist.Text;

namespace Punchlist.Editing;

/// <summary>
/// Applies edits to the bytes a text came from: bytes outside the edits are copied as they are, so a
/// BOM, line endings, trailing spaces and invalid UTF-8 survive byte for byte; replacement text is
/// encoded the way the file is.
/// </summary>
public static class Splice
{
    /// <summary>The edited file, read again from its new bytes. Edits must not overlap (see <see cref="EditSet"/>).</summary>
    public static SourceText Apply(SourceText source, IEnumerable<TextEdit> edits)
    {
        var sorted = edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
        Validate(source.Text, sorted);
        sorted = sorted.Select(e => Trim(source.Text, e)).Where(e => e is not null).Select(e => e!.Value).ToList();
        if (sorted.Count == 0)
        {
            return source;
        }

        var offsets = new List<int>(sorted.Count * 2);
        foreach (var edit in sorted)
        {
            offsets.Add(edit.Span.Start);
            offsets.Add(edit.Span.End);
        }

        int[] bytes = source.ToByteOffsets(offsets);
        var output = new MemoryStream(source.Bytes.Length + 64);
        int copied = 0;
        for (int k = 0; k < sorted.Count; k++)
        {
            output.Write(source.Bytes, copied, bytes[2 * k] - copied);
            output.Write(source.Encode(sorted[k].NewText));
            copied = bytes[(2 * k) + 1];
        }

        output.Write(source.Bytes, copied, source.Bytes.Length - copied);
        return SourceText.FromBytes(output.ToArray());
    }

    private static void Validate(string text, List<TextEdit> sorted)
    {
        for (int k = 0; k < sorted.Count; k++)
        {
            var edit = sorted[k];
            if (edit.Span.Start < 0 || edit.Span.End > text.Length || edit.Span.Length < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(sorted), $"edit {edit.Span} is outside the text (length {text.Length})");
            }

            if (SplitsPair(text, edit.Span.Start) || SplitsPair(text, edit.Span.End))
            {
                throw new ArgumentException($"edit {edit.Span} cuts a character in half (a surrogate pair)", nameof(sorted));
            }

            if (HasLoneSurrogate(edit.NewText))
            {
                throw new ArgumentException($"replacement text for {edit.Span} holds a lone surrogate", nameof(sorted));
            }

            if (k > 0 && EditSet.Conflicts(sorted[k - 1], edit))
            {
                throw new ArgumentException($"edits {sorted[k - 1].Span} and {edit.Span} overlap", nameof(sorted));
            }
        }
    }

    // Only the characters that really change are replaced: an edit that rewrites a whole table cell to
    // change one digit leaves the bytes around that digit (invalid UTF-8 included) as they were, and
    // an edit that changes nothing is dropped.
    private static TextEdit? Trim(string text, TextEdit edit)
    {
        var old = text.AsSpan(edit.Span.Start, edit.Span.Length);
        var replacement = edit.NewText.AsSpan();
        int prefix = old.CommonPrefixLength(replacement);
        if (prefix == old.Length && prefix == replacement.Length)
        {
            return null;
        }

        if (prefix > 0 && char.IsHighSurrogate(old[prefix - 1]))
        {
            prefix--;
        }

        int suffix = CommonSuffix(old[prefix..], replacement[prefix..]);
        if (suffix > 0 && char.IsLowSurrogate(old[^suffix]))
        {
            suffix--;
        }

        return new TextEdit(
            TextSpan.FromBounds(edit.Span.Start + prefix, edit.Span.End - suffix),
            edit.NewText.Substring(prefix, replacement.Length - prefix - suffix));
    }

    private static int CommonSuffix(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int n = 0;
        while (n < a.Length && n < b.Length && a[^(n + 1)] == b[^(n + 1)])
        {
            n++;
        }

        return n;
    }

    private static bool SplitsPair(string text, int at) =>
        at > 0 && at < text.Length && char.IsHighSurrogate(text[at - 1]) && char.IsLowSurrogate(text[at]);

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
