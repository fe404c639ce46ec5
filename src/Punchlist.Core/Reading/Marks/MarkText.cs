using Punchlist.Model;
using Punchlist.Reading.Vocabulary;

namespace Punchlist.Reading.Marks;

/// <summary>Where a state is written in a line of text that is not a task-list box, and what is left of it as a title.</summary>
internal readonly record struct TextMark(ItemState State, int Start, int Length, string Symbol, bool Definite);

/// <summary>
/// Reads the states written around a list entry's or a heading's text: a leading state emoji or ballot
/// box (`✅ Workspace compiles`, `**📋 PLANNED**`), a strike-through over its start (`~~Auth gate~~`),
/// and a done word or state emoji closing it (`… DONE (tests in tunnel_auth.rs)`, `… ✅`, `… 🔄 (pending
/// DB connection)`). Guidance lists (`✅ Do: …`, `❌ Don't: …`) are not states.
/// </summary>
internal static class MarkText
{
    private static readonly string[] Guidance =
    [
        "do", "dont", "good", "bad", "correct", "incorrect", "wrong", "right", "avoid", "pros", "cons", "prefer", "example",
    ];

    private static readonly string[] DoneWords = ["DONE", "COMPLETE", "COMPLETED", "FIXED", "RESOLVED", "SHIPPED", "MERGED", "FINISHED"];

    /// <summary>The state marker that leads the text at <paramref name="from"/>, after blanks and emphasis marks.</summary>
    public static TextMark? Leading(string text, int from, int end, MarkerReader markers) => Leading(text, from, end, markers, out _);

    /// <summary>As <see cref="Leading(string, int, int, DocumentLegend)"/>, and whether a marker led a do-or-don't instead of a state.</summary>
    public static TextMark? Leading(string text, int from, int end, MarkerReader markers, out bool guidance)
    {
        guidance = false;
        int at = SkipDecoration(text, from, end);
        if (at >= end || text[at] <= '\u007F' || markers.At(text, at) is not { } marker)
        {
            return null;
        }

        if (IsGuidance(text, at + marker.Length, end))
        {
            guidance = true;
            return null;
        }

        return new TextMark(marker.State, at, marker.Length, text.Substring(at, marker.Length), marker.Definite);
    }

    /// <summary>A strike-through that opens the text (`~~…~~`, after any tag): done, unless its words say dropped.</summary>
    public static TextMark? Struck(string text, int from, int end)
    {
        int at = SkipDecoration(text, from, end);
        if (at + 4 >= end || text[at] != '~' || text[at + 1] != '~')
        {
            return null;
        }

        int close = text.IndexOf("~~", at + 2, end - at - 2, StringComparison.Ordinal);
        return close < 0 ? null : new TextMark(ItemState.Done, at, close + 2 - at, "~~", true);
    }

    /// <summary>A done word in capitals or a state emoji that closes the text, before any parenthesised note.</summary>
    public static TextMark? Trailing(string text, int from, int end, MarkerReader markers)
    {
        int stop = end;
        while (stop > from && char.IsWhiteSpace(text[stop - 1]))
        {
            stop--;
        }

        // One note in parentheses may follow the state: `DONE (tunnel_api.rs + api.rs)`, `🔄 (pending DB connection)`.
        if (stop > from && text[stop - 1] == ')')
        {
            int open = text.LastIndexOf('(', stop - 1, stop - from);
            if (open > from)
            {
                stop = open;
                while (stop > from && char.IsWhiteSpace(text[stop - 1]))
                {
                    stop--;
                }
            }
        }

        while (stop > from && text[stop - 1] is '*' or '_' or '.' or '!')
        {
            stop--;
        }

        foreach (string word in DoneWords)
        {
            int start = stop - word.Length;
            if (start > from && string.CompareOrdinal(text, start, word, 0, word.Length) == 0
                && (char.IsWhiteSpace(text[start - 1]) || text[start - 1] is '~' or '*' or '—' or '-' or '(' or '['))
            {
                return new TextMark(ItemState.Done, start, word.Length, word, true);
            }
        }

        // A marker ends the text: look back over its variation selector, its surrogate pair, or its mojibake.
        for (int back = 1; back <= 9 && stop - back >= from; back++)
        {
            int at = stop - back;
            if (text[at] > '\u007F' && markers.At(text, at) is { } marker && at + marker.Length == stop && marker.Definite)
            {
                return new TextMark(marker.State, at, marker.Length, text.Substring(at, marker.Length), true);
            }
        }

        return null;
    }

    private static int SkipDecoration(string text, int at, int end)
    {
        while (at < end && text[at] is ' ' or '\t' or '*' or '_')
        {
            at++;
        }

        return at;
    }

    // `✅ Do: …`, `❌ **Don't** …`, `✅ Good:`: a list of dos and don'ts, not of states.
    private static bool IsGuidance(string text, int at, int end)
    {
        at = SkipDecoration(text, at, end);
        int stop = at;
        while (stop < end && stop - at < 12 && (char.IsLetter(text[stop]) || text[stop] == '\''))
        {
            stop++;
        }

        string word = text[at..stop].Replace("'", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return word.Length > 0 && Array.IndexOf(Guidance, word) >= 0
            && (stop >= end || text[stop] is ':' or ' ' or '*' or ',' or '.' or '-');
    }
}
