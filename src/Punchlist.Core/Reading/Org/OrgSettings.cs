using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading.Org;

/// <summary>
/// A file's in-buffer settings, read before its headlines because they decide what a headline says:
/// `#+TODO:`/`#+SEQ_TODO:`/`#+TYP_TODO:` (the keywords), `#+PRIORITIES:` (the range of `[#A]`),
/// `#+FILETAGS:`, `#+TITLE:`. As `org-collect-keywords` does, a keyword counts wherever it stands
/// outside a block, and later values of `#+PRIORITIES:` win.
/// </summary>
internal sealed class OrgSettings
{
    // Keywords that configure Org or an exporter; none says anything about the work, so they are not metadata.
    private static readonly HashSet<string> MetadataKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "TITLE", "AUTHOR", "EMAIL", "DATE", "DESCRIPTION", "SUBTITLE", "KEYWORDS", "FILETAGS", "CATEGORY",
    };

    private OrgSettings(OrgKeywords keywords, OrgPriorities priorities, string? title, List<MetadataField> metadata)
    {
        Keywords = keywords;
        Priorities = priorities;
        Title = title;
        Metadata = metadata;
    }

    public OrgKeywords Keywords { get; }

    public OrgPriorities Priorities { get; }

    public string? Title { get; }

    /// <summary>`#+TITLE:`, `#+DATE:`, `#+FILETAGS:` and other keywords that describe the document.</summary>
    public List<MetadataField> Metadata { get; }

    public static OrgSettings Read(OrgLines lines, SourceText source, StatusVocabulary vocabulary)
    {
        var sequences = new List<string>();
        var titles = new List<string>();
        var metadata = new List<MetadataField>();
        var priorities = OrgPriorities.Standard;
        string text = lines.Text;
        for (int line = 0; line < lines.Count; line++)
        {
            var span = lines.Span(line);
            var chars = text.AsSpan(span.Start, span.Length);
            int at = chars.IndexOfAnyExcept(' ', '\t');
            if (at < 0 || chars.Length < at + 3 || chars[at] != '#' || chars[at + 1] != '+')
            {
                continue;
            }

            if (SkipBlock(lines, line, chars[at..]) is { } end)
            {
                line = end;
                continue;
            }

            if (Keyword(text, span.Start + at, span.End) is not { } keyword)
            {
                continue;
            }

            string key = keyword.Key.ToUpperInvariant();
            string value = text.Substring(keyword.Value.Start, keyword.Value.Length);
            switch (key)
            {
                case "TODO" or "SEQ_TODO" or "TYP_TODO":
                    sequences.Add(value);
                    continue;
                case "PRIORITIES":
                    priorities = OrgPriorities.Parse(value) ?? priorities;
                    continue;
                case "TITLE":
                    titles.Add(value);
                    break;
            }

            var kind = FieldKeys.Classify(keyword.Key);
            if (MetadataKeys.Contains(key) || kind != FieldKind.Custom)
            {
                metadata.Add(new MetadataField(keyword.Key, kind, value, keyword.KeySpan, keyword.Value, source.PositionOf(keyword.KeySpan.Start), FieldShape.Keyword));
            }
        }

        return new OrgSettings(OrgKeywords.From(sequences, vocabulary), priorities, titles.Count == 0 ? null : string.Join(' ', titles), metadata);
    }

    /// <summary>`#+KEY: value` from <paramref name="start"/> (at `#`): the key's span (without `#+` and `:`) and the trimmed value's.</summary>
    public static (string Key, TextSpan KeySpan, TextSpan Value)? Keyword(string text, int start, int end)
    {
        // org-element-keyword-parser: "[ \t]*#\\+\\(\\S-*\\):" — the key runs to the last colon before a blank.
        int keyStart = start + 2;
        int colon = -1;
        for (int i = keyStart; i < end && text[i] is not (' ' or '\t'); i++)
        {
            if (text[i] == ':')
            {
                colon = i;
            }
        }

        if (colon <= keyStart)
        {
            return null;
        }

        int valueStart = colon + 1;
        while (valueStart < end && text[valueStart] is ' ' or '\t')
        {
            valueStart++;
        }

        int valueEnd = end;
        while (valueEnd > valueStart && text[valueEnd - 1] is ' ' or '\t')
        {
            valueEnd--;
        }

        return (text[keyStart..colon], TextSpan.FromBounds(keyStart, colon), TextSpan.FromBounds(valueStart, valueEnd));
    }

    // A `#+BEGIN_x` or `#+BEGIN:` line that opens a block closed before the next headline: the closing line.
    public static int? SkipBlock(OrgLines lines, int line, ReadOnlySpan<char> trimmed)
    {
        if (!trimmed.StartsWith("#+BEGIN", StringComparison.OrdinalIgnoreCase) || trimmed.Length < 8)
        {
            return null;
        }

        if (trimmed[7] == ':')
        {
            int dynamicEnd = lines.DynamicBlockEnd(line);
            return dynamicEnd >= 0 ? dynamicEnd : null;
        }

        if (trimmed[7] != '_')
        {
            return null;
        }

        var name = trimmed[8..];
        int blank = name.IndexOfAny(' ', '\t');
        name = blank >= 0 ? name[..blank] : name;
        if (name.IsEmpty)
        {
            return null;
        }

        int end = lines.BlockEnd(line, name.ToString());
        return end >= 0 ? end : null;
    }
}

/// <summary>
/// The range of a file's priority cookies: highest, lowest and default (`#+PRIORITIES: A C B`, Org's
/// default), letters or numbers 0–64.
/// </summary>
internal sealed record OrgPriorities(int Highest, int Lowest, int Fallback)
{
    public static readonly OrgPriorities Standard = new('A', 'C', 'B');

    public static OrgPriorities? Parse(string value)
    {
        var parts = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 && ValueOf(parts[0]) is { } high && ValueOf(parts[1]) is { } low && ValueOf(parts[2]) is { } fallback
            ? new OrgPriorities(high, low, fallback)
            : null;
    }

    /// <summary>org-priority-to-value: the number in the text when it has one, else the character's code.</summary>
    public static int? ValueOf(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        int digits = 0;
        while (digits < text.Length && digits < 3 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 ? int.Parse(text[..digits], System.Globalization.CultureInfo.InvariantCulture) : text[0];
    }

    /// <summary>
    /// The file's range laid over P0..P3: the highest priority is P0 and the lowest P3, so with Org's
    /// default A–C, `[#A]` is P0, `[#B]` (what Org assumes without a cookie) P2 and `[#C]` P3.
    /// </summary>
    public int RankOf(int value)
    {
        if (Lowest == Highest)
        {
            return 0;
        }

        double position = (double)(value - Highest) / (Lowest - Highest);
        return (int)Math.Clamp(Math.Round(position * PriorityInfo.Lowest, MidpointRounding.AwayFromZero), 0, PriorityInfo.Lowest);
    }

    public bool InRange(int value) => value >= Math.Min(Highest, Lowest) && value <= Math.Max(Highest, Lowest);
}
