using System.Globalization;
using Punchlist.Text;

namespace Punchlist.Analysis.Claims;

/// <summary>
/// Reads the numbers of a claim from the source text of a table cell or a field value: `15`,
/// `**0/15 (0%)**`, `3 of 5`, `60% complete`, `50 actionable tasks`. Anything else is not a claim:
/// approximations (`~40`, `35+`, `about 20`), decimals, dates, ranges, numbers with other units
/// (`24 hours`, `5 screens`) — a checker that guesses at those would cry wolf.
/// </summary>
internal static class ClaimValueParser
{
    /// <summary>Parses the claim in <paramref name="span"/> of <paramref name="text"/>; null when it is not one.</summary>
    public static ClaimValue? Parse(string text, TextSpan span)
    {
        var cursor = new Cursor(text, span.Start, span.End);
        cursor.SkipDecoration();
        if (cursor.AtEnd || !char.IsAsciiDigit(cursor.Current))
        {
            return null; // `~40`, `< 10`, `about 20`, `Backend 80%`: not a plain claim
        }

        if (ReadNumber(ref cursor) is not { } first)
        {
            return null;
        }

        ClaimNumber? total = null, percent = null;
        var shape = ClaimShape.Count;
        int end = first.Span.End;
        if (cursor.Peek('%'))
        {
            cursor.Advance();
            shape = ClaimShape.Percent;
            percent = first;
            end = cursor.Position;
        }
        else if (ReadOf(ref cursor) && ReadNumber(ref cursor) is { } of)
        {
            shape = ClaimShape.Fraction;
            total = of;
            end = of.Span.End;
            var mark = cursor;
            if (ReadPercentAfter(ref cursor) is { } p)
            {
                percent = p.Number;
                end = p.End;
            }
            else
            {
                cursor = mark;
            }
        }
        else if (first.Span.End < span.End && IsDigitJoiner(text[first.Span.End]))
        {
            return null; // `2025-11-03`, `1.5`, `1,000`, `3-5`
        }

        if (cursor.Peek('+') || cursor.Peek('/') || cursor.Peek('-') && cursor.NextIsDigit())
        {
            return null; // `40+`, `11/03/2025`, `3/5-7`
        }

        var words = Qualifiers(ClaimWords.Fold(text[end..span.End]));
        if (words is { Count: > 0 } && shape == ClaimShape.Fraction && percent is null && PercentAfterWords(text, end, span.End) is { } late
            && Qualifiers(ClaimWords.Fold(text[end..late.WordsEnd])) is { Count: > 0 } unit)
        {
            // `0/3 tasks (0%)`: the percentage after the unit is the same claim's, and is kept true with it.
            return new ClaimValue(shape, first, total, late.Number, TextSpan.FromBounds(first.Span.Start, late.End), unit);
        }

        return words is null ? null : new ClaimValue(shape, first, total, percent, TextSpan.FromBounds(first.Span.Start, end), words);
    }

    // A percentage after the words that follow a fraction (`tasks`, `done`): letters and spaces, then ` (40%)`.
    private static (ClaimNumber Number, int End, int WordsEnd)? PercentAfterWords(string text, int start, int end)
    {
        int at = start;
        while (at < end && (char.IsLetter(text[at]) || text[at] is ' ' or '\t'))
        {
            at++;
        }

        var cursor = new Cursor(text, at, end);
        return at > start && ReadPercentAfter(ref cursor) is { } found ? (found.Number, found.End, at) : null;
    }

    // What may follow the numbers: nothing, or a unit (`tasks`, after adjectives such as `actionable`
    // or up to two other words: `9 roadmap items`) or a finished-or-not word (`done`, `complete`); the
    // words after those are prose and say nothing about the count (`42 actionable TODOs across 4
    // priority levels`). `24 hours` and `5 screens` count something else: null.
    private static List<string>? Qualifiers(List<string> words)
    {
        if (words.Count == 0)
        {
            return [];
        }

        int i = 0, free = 0;
        while (i < words.Count && !Qualifies(words[i]))
        {
            if (!ClaimWords.IsAdjective(words[i]) && (++free > 2 || !words[i].All(char.IsLetter)))
            {
                return null;
            }

            i++;
        }

        // `19 tools complete` names its own unit, which is not one Punchlist counts.
        if (i == words.Count || (free > 0 && ClaimWords.Unit(words[i]) is null))
        {
            return null;
        }

        int last = i;
        while (last + 1 < words.Count && (ClaimWords.IsDone(words[last + 1]) || ClaimWords.IsOpen(words[last + 1])))
        {
            last++;
        }

        return words[..(last + 1)];
    }

    private static bool Qualifies(string word) =>
        ClaimWords.Unit(word) is not null || ClaimWords.IsDone(word) || ClaimWords.IsOpen(word) || ClaimWords.IsProgress(word);

    private static ClaimNumber? ReadNumber(ref Cursor cursor)
    {
        cursor.SkipEmphasis();
        int start = cursor.Position;
        while (!cursor.AtEnd && char.IsAsciiDigit(cursor.Current))
        {
            cursor.Advance();
        }

        int length = cursor.Position - start;
        if (length is 0 or > 6 || (length > 1 && cursor.Text[start] == '0'))
        {
            return null;
        }

        var number = new ClaimNumber(int.Parse(cursor.Text.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture), new TextSpan(start, length));
        cursor.SkipEmphasis();
        return number;
    }

    // `/`, ` of `, ` out of `.
    private static bool ReadOf(ref Cursor cursor)
    {
        var mark = cursor;
        cursor.SkipSpaces();
        if (cursor.Peek('/'))
        {
            cursor.Advance();
            cursor.SkipSpaces();
            return true;
        }

        if (cursor.Word("out"))
        {
            cursor.SkipSpaces();
        }

        if (cursor.Word("of"))
        {
            cursor.SkipSpaces();
            return true;
        }

        cursor = mark;
        return false;
    }

    // ` (40%)`, `, 40%`, ` - 40%`, ` 40%`.
    private static (ClaimNumber Number, int End)? ReadPercentAfter(ref Cursor cursor)
    {
        cursor.SkipSpaces();
        bool paren = cursor.Peek('(');
        if (paren || cursor.Peek(',') || cursor.Peek('-') || cursor.Peek('–') || cursor.Peek('—'))
        {
            cursor.Advance();
            cursor.SkipSpaces();
        }

        if (cursor.AtEnd || !char.IsAsciiDigit(cursor.Current) || ReadNumber(ref cursor) is not { } number || !cursor.Peek('%'))
        {
            return null;
        }

        cursor.Advance();
        int end = cursor.Position;
        if (paren)
        {
            cursor.SkipSpaces();
            if (!cursor.Peek(')'))
            {
                return null;
            }

            cursor.Advance();
            end = cursor.Position;
        }

        return (number, end);
    }

    private static bool IsDigitJoiner(char c) => c is '.' or ',' or '-' or '–' or ':' or '/' or 'x' or '×';

    /// <summary>A position in the text, moved forward by the parser; a struct so that a failed branch can rewind.</summary>
    private struct Cursor(string text, int position, int end)
    {
        public readonly string Text => text;

        public int Position { get; private set; } = position;

        public readonly bool AtEnd => Position >= end;

        public readonly char Current => text[Position];

        public readonly bool Peek(char c) => !AtEnd && text[Position] == c;

        public readonly bool NextIsDigit() => Position + 1 < end && char.IsAsciiDigit(text[Position + 1]);

        public void Advance() => Position++;

        public void SkipSpaces()
        {
            while (!AtEnd && text[Position] is ' ' or '\t')
            {
                Position++;
            }
        }

        public void SkipEmphasis()
        {
            while (!AtEnd && text[Position] is '*' or '_' or '`')
            {
                Position++;
            }
        }

        // Leading emphasis, emoji and bullets (`**`, `✅ `, `🔴 `); stops at a letter, a digit or a sign
        // that makes the number approximate.
        public void SkipDecoration()
        {
            while (!AtEnd)
            {
                char c = text[Position];
                if (char.IsLetterOrDigit(c) || c is '~' or '≈' or '<' or '>' or '≥' or '≤' or '+' or '-' or '$' or '€' or '£' or '#' or '.')
                {
                    return;
                }

                Position++;
            }
        }

        public bool Word(string word)
        {
            if (Position + word.Length > end || string.Compare(text, Position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return false;
            }

            int after = Position + word.Length;
            if (after < end && char.IsLetterOrDigit(text[after]))
            {
                return false;
            }

            Position = after;
            return true;
        }
    }
}
