using System.Text.RegularExpressions;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading;

/// <summary>
/// Reads `Key: value` metadata from the lines of a paragraph, in the shapes teams write:
/// `**Status:** Not Started`, `**Last Updated**: 2026-02-15`, `**Category:** A | **Effort:** 1 day`,
/// `- **Owner:** Core team` and plain `Status: draft`. Each key and value keeps its exact span.
/// </summary>
internal static partial class MetadataLines
{
    public static IReadOnlyList<MetadataField> Read(SourceText source, TextSpan paragraph, FieldShape shape)
    {
        List<MetadataField>? fields = null;
        string text = source.Text;
        var lines = source.Lines;
        int first = lines.LineIndexOf(paragraph.Start);
        int last = lines.LineIndexOf(Math.Max(paragraph.Start, paragraph.End - 1));
        for (int line = first; line <= last; line++)
        {
            var span = lines.LineSpan(text, line);
            int start = Math.Max(span.Start, paragraph.Start);
            int end = Math.Min(span.End, paragraph.End);

            // Every shape has a colon; most lines of prose and every task title without one are skipped unread.
            if (end > start && text.AsSpan(start, end - start).Contains(':'))
            {
                ReadLine(source, start, end, shape, ref fields);
            }
        }

        return (IReadOnlyList<MetadataField>?)fields ?? [];
    }

    private static void ReadLine(SourceText source, int start, int end, FieldShape shape, ref List<MetadataField>? fields)
    {
        string text = source.Text;
        while (start < end && (text[start] is ' ' or '\t' or '>'))
        {
            start++;
        }

        // `⏱️ Depends on: T001 | Blocks: T002` (spec-kit): an emoji before a known key is decoration.
        bool afterEmoji = false;
        if (start < end && text[start] >= '\u2000' && !char.IsLetter(text[start]))
        {
            int space = text.IndexOf(' ', start, Math.Min(end - start, 8));
            if (space < 0)
            {
                return;
            }

            start = space + 1;
            afterEmoji = true;
        }

        if (!MayStartField(text.AsSpan(start, end - start)))
        {
            return;
        }

        string line = text[start..end];
        if (afterEmoji && (PlainKey().Match(line) is not { Success: true } known || FieldKeys.Classify(known.Groups["key"].Value) == FieldKind.Custom))
        {
            return;
        }

        var bold = BoldKey().Match(line);
        if (bold.Success)
        {
            ReadBoldFields(source, start, line, bold, shape, fields ??= []);
            return;
        }

        var plain = PlainKey().Match(line);
        if (plain.Success && plain.Groups["value"].Length > 0 && !PathLike.IsUrl(line))
        {
            var key = plain.Groups["key"];
            var value = plain.Groups["value"];
            (fields ??= []).Add(Field(source, key.Value, start + key.Index, key.Length, start + value.Index, TrimmedLength(value.Value), shape));
        }
    }

    // `**A:** x | **B:** y`: each bold key runs until the next `|` that is followed by a bold key.
    private static void ReadBoldFields(SourceText source, int lineStart, string line, Match match, FieldShape shape, List<MetadataField> fields)
    {
        while (match.Success)
        {
            var key = match.Groups["key"];
            int valueStart = match.Index + match.Length;
            var next = NextBoldKey().Match(line, valueStart);
            string raw = line[valueStart..(next.Success ? next.Index : line.Length)];
            int lead = raw.Length - raw.TrimStart().Length;
            string keyText = key.Value.Trim();
            int keyOffset = key.Index + (key.Value.Length - key.Value.TrimStart().Length);
            fields.Add(Field(source, keyText, lineStart + keyOffset, keyText.Length, lineStart + valueStart + lead, TrimmedLength(raw.TrimStart()), shape));
            match = next.Success ? BoldKey().Match(line, next.Index + next.Length) : Match.Empty;
        }
    }

    // The patterns below need a line that opens with `**` or `__`, or a letter followed by key characters
    // up to the first colon. Prose fails this at its first comma or bracket, before any string is made.
    private static bool MayStartField(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("**") || line.StartsWith("__"))
        {
            return true;
        }

        if (line.IsEmpty || !char.IsLetter(line[0]))
        {
            return false;
        }

        int colon = line.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        // What the key pattern allows before the colon: letters, numbers, whitespace and ` _/&.'-`.
        foreach (char c in line[..colon])
        {
            if (!char.IsLetterOrDigit(c) && !char.IsNumber(c) && !char.IsWhiteSpace(c) && c is not ('_' or '/' or '&' or '.' or '\'' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static MetadataField Field(SourceText source, string key, int keyStart, int keyLength, int valueStart, int valueLength, FieldShape shape)
    {
        string value = source.Text.Substring(valueStart, valueLength);
        return new MetadataField(key, FieldKeys.Classify(key), value, new TextSpan(keyStart, keyLength),
            new TextSpan(valueStart, valueLength), source.PositionOf(keyStart), shape);
    }

    // Trailing spaces (a Markdown hard break) and a trailing backslash break are not part of a value.
    private static int TrimmedLength(string value)
    {
        string trimmed = value.TrimEnd();
        if (trimmed.EndsWith('\\'))
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        return trimmed.Length;
    }

    [GeneratedRegex(@"\G(?:(?<bold>\*\*|__)(?<key>[^*_:|\r\n]{1,48}?)\s*:\s*\k<bold>|(?<bold>\*\*|__)(?<key>[^*_:|\r\n]{1,48}?)\k<bold>\s*:)", RegexOptions.CultureInvariant)]
    private static partial Regex BoldKey();

    [GeneratedRegex(@"\s*\|\s*(?=(?<bold>\*\*|__)[^*_:|\r\n]{1,48}?(?:\s*:\s*\k<bold>|\k<bold>\s*:))", RegexOptions.CultureInvariant)]
    private static partial Regex NextBoldKey();

    [GeneratedRegex(@"^(?<key>\p{L}[\p{L}\p{N} _/&.'-]{0,38}?)\s*:(?!//)[ \t]+(?<value>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainKey();
}
