using Punchlist.Text;

namespace Punchlist.Reading.Org;

/// <summary>
/// One headline line taken apart as `org-element--headline-parse-title` does: stars, a TODO keyword
/// (case-sensitive, followed by a space or the line end), a priority cookie `[#A]`, `COMMENT`, the
/// title, and a tag group `:a:b:` at the end of the line after a blank.
/// </summary>
internal sealed class OrgHeadline
{
    public required int Line { get; init; }

    public required int Level { get; init; }

    /// <summary>The whole line, without its break.</summary>
    public required TextSpan Span { get; init; }

    public OrgKeyword? Keyword { get; init; }

    public TextSpan KeywordSpan { get; init; }

    /// <summary>The priority's value (a character code or a number), when the headline has a cookie.</summary>
    public int? Priority { get; init; }

    /// <summary>The cookie `[#A]`.</summary>
    public TextSpan PrioritySpan { get; init; }

    public bool Commented { get; init; }

    /// <summary>From after the keyword, priority and `COMMENT` to before the tags, trimmed.</summary>
    public required TextSpan TitleSpan { get; init; }

    public TextSpan TagsSpan { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public bool Archived => Tags.Contains("ARCHIVE", StringComparer.Ordinal);

    public static OrgHeadline Parse(string text, TextSpan span, int line, int level, OrgKeywords keywords)
    {
        int end = span.End;
        int at = SkipBlanks(text, span.Start + level, end);

        OrgKeyword? keyword = null;
        var keywordSpan = default(TextSpan);
        int word = at;
        while (word < end && text[word] is not (' ' or '\t'))
        {
            word++;
        }

        if (word > at && (word == end || text[word] == ' ') && keywords.Find(text.AsSpan(at, word - at)) is { } found)
        {
            keyword = found;
            keywordSpan = TextSpan.FromBounds(at, word);
            at = SkipBlanks(text, word, end);
        }

        // org-priority-regexp is ".*?\\(\\[#\\(…\\)\\] ?\\)": the first cookie anywhere in the rest of the line.
        int? priority = null;
        var prioritySpan = default(TextSpan);
        int cookie = FindPriority(text, at, end, out int value);
        if (cookie >= 0)
        {
            priority = value;
            prioritySpan = TextSpan.FromBounds(cookie, text.IndexOf(']', cookie) + 1);
            if (cookie == at)
            {
                at = SkipBlanks(text, prioritySpan.End, end);
            }
        }

        bool commented = false;
        if (end - at >= 7 && text.AsSpan(at, 7).SequenceEqual("COMMENT") && (at + 7 == end || text[at + 7] == ' '))
        {
            commented = true;
            at = SkipBlanks(text, at + 7, end);
        }

        var (tags, tagsSpan) = TagsAtEnd(text, at, end);
        int titleEnd = tags.Count > 0 ? tagsSpan.Start : end;
        while (titleEnd > at && text[titleEnd - 1] is ' ' or '\t')
        {
            titleEnd--;
        }

        return new OrgHeadline
        {
            Line = line,
            Level = level,
            Span = span,
            Keyword = keyword,
            KeywordSpan = keywordSpan,
            Priority = priority,
            PrioritySpan = prioritySpan,
            Commented = commented,
            TitleSpan = TextSpan.FromBounds(at, Math.Max(at, titleEnd)),
            TagsSpan = tagsSpan,
            Tags = tags,
        };
    }

    /// <summary>The title as plain text: links shown by their description, a priority cookie inside it left out.</summary>
    public string Title(string text)
    {
        if (PrioritySpan.IsEmpty || !TitleSpan.Contains(PrioritySpan.Start))
        {
            return OrgInline.Plain(text, TitleSpan);
        }

        string before = OrgInline.Plain(text, TextSpan.FromBounds(TitleSpan.Start, PrioritySpan.Start)).TrimEnd();
        string after = OrgInline.Plain(text, TextSpan.FromBounds(Math.Min(PrioritySpan.End, TitleSpan.End), TitleSpan.End)).TrimStart();
        return before.Length == 0 || after.Length == 0 ? before + after : $"{before} {after}";
    }

    private static int SkipBlanks(string text, int at, int end)
    {
        while (at < end && text[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }

    // org-priority-value-regexp: [A-Z], or a number 0–64.
    private static int FindPriority(string text, int from, int end, out int value)
    {
        value = 0;
        for (int i = text.IndexOf("[#", from, end - from, StringComparison.Ordinal); i >= 0 && i + 3 < end; i = text.IndexOf("[#", i + 2, end - i - 2, StringComparison.Ordinal))
        {
            int close = i + 2;
            while (close < end && close - i < 5 && text[close] != ']')
            {
                close++;
            }

            if (close >= end || text[close] != ']')
            {
                continue;
            }

            var inner = text.AsSpan(i + 2, close - i - 2);
            if (inner.Length == 1 && char.IsAsciiLetterUpper(inner[0]))
            {
                value = inner[0];
                return i;
            }

            if (inner.Length is 1 or 2 && inner.IndexOfAnyExceptInRange('0', '9') < 0 && (inner.Length == 1 || inner[0] != '0'))
            {
                int number = int.Parse(inner, System.Globalization.CultureInfo.InvariantCulture);
                if (number <= 64)
                {
                    value = number;
                    return i;
                }
            }
        }

        return -1;
    }

    // org-tag-group-re: "[ \t]+\\(:\\([[:alnum:]_@#%:]+\\):\\)[ \t]*$", searched from the title's start
    // less the blanks before it, so `* :tag:` is a headline with a tag and no title.
    private static (IReadOnlyList<string> Tags, TextSpan Span) TagsAtEnd(string text, int from, int end)
    {
        int last = end;
        while (last > from && text[last - 1] is ' ' or '\t')
        {
            last--;
        }

        if (last - from < 2 || text[last - 1] != ':')
        {
            return ([], default);
        }

        int start = last - 1;
        while (start > from && IsTagChar(text[start - 1]))
        {
            start--;
        }

        // The group starts with a colon preceded by a blank (or by the blanks before the title).
        while (start < last && text[start] != ':')
        {
            start++;
        }

        bool blankBefore = start > 0 && text[start - 1] is ' ' or '\t';
        if (start >= last - 1 || !blankBefore)
        {
            return ([], default);
        }

        var tags = text[(start + 1)..(last - 1)].Split(':', StringSplitOptions.RemoveEmptyEntries);
        return tags.Length == 0 ? ([], default) : (tags, TextSpan.FromBounds(start, last));
    }

    private static bool IsTagChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '@' or '#' or '%' or ':';
}
