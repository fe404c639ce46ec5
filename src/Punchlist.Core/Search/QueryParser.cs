namespace Punchlist.Search;

/// <summary>
/// Recursive descent over the query text. Juxtaposition is AND; `OR` (upper case) binds tighter, so
/// `backup OR restore is:open` is `(backup OR restore) AND is:open`; `-` negates the term it touches;
/// parentheses group. Every error names the column where it was found.
/// </summary>
internal sealed class QueryParser(string text, QueryContext context)
{
    private int _at;
    private SortOrder? _sort;

    public Query Parse()
    {
        var root = ParseAll(nested: false);
        return new Query(text, root, _sort ?? SortOrder.Relevance);
    }

    private QueryNode? ParseAll(bool nested)
    {
        int start = _at;
        var parts = new List<QueryNode>();
        while (true)
        {
            SkipSpace();
            if (_at >= text.Length || (nested && text[_at] == ')'))
            {
                break;
            }

            if (text[_at] == ')')
            {
                throw Error(_at, "')' closes no '('");
            }

            var part = ParseAny(nested);
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new AllOf(parts, start),
        };
    }

    private QueryNode? ParseAny(bool nested)
    {
        int start = _at;
        var first = ParseUnary(nested);
        var parts = new List<QueryNode?> { first };
        while (true)
        {
            int before = _at;
            SkipSpace();
            if (!AtOr())
            {
                _at = before;
                break;
            }

            int or = _at;
            _at += 2;
            SkipSpace();
            if (_at >= text.Length || text[_at] == ')' || AtOr())
            {
                throw Error(or, "'OR' needs a term on each side");
            }

            parts.Add(ParseUnary(nested));
        }

        if (parts.Count == 1)
        {
            return first;
        }

        if (parts.Contains(null))
        {
            throw Error(start, "'OR' needs a term on each side that can match (a word, a phrase or a filter)");
        }

        return new AnyOf(parts.OfType<QueryNode>().ToList(), start);
    }

    private QueryNode? ParseUnary(bool nested)
    {
        if (text[_at] == '-')
        {
            int minus = _at++;
            if (_at >= text.Length || char.IsWhiteSpace(text[_at]) || text[_at] == ')')
            {
                throw Error(minus, "'-' must touch the word, phrase or filter it excludes");
            }

            var part = ParsePrimary(nested, negated: true);
            return part is null ? null : new Not(part, minus);
        }

        return ParsePrimary(nested, negated: false);
    }

    private QueryNode? ParsePrimary(bool nested, bool negated)
    {
        int start = _at;
        if (AtOr())
        {
            throw Error(start, "'OR' needs a term on each side");
        }

        switch (text[_at])
        {
            case '(':
                _at++;
                var inner = ParseAll(nested: true);
                if (_at >= text.Length)
                {
                    throw Error(start, "'(' is never closed");
                }

                _at++;
                return inner ?? throw Error(start, "'()' holds nothing to search for");
            case '"':
                string phrase = ReadQuoted();
                return HasLetterOrDigit(phrase) ? new Words(phrase.Trim(), IsPhrase: true, IsPrefix: false, start) : throw Error(start, "the phrase holds no word to search for");
        }

        string word = ReadWord();
        int colon = word.IndexOf(':', StringComparison.Ordinal);
        // `word:` is a filter; a URL (`https://…`) is text.
        if (colon > 0 && word[..colon].All(char.IsAsciiLetter) && !word.AsSpan(colon + 1).StartsWith("//"))
        {
            string field = word[..colon].ToLowerInvariant();
            int valueAt = start + colon + 1;
            string value = word[(colon + 1)..];
            if (value.Length == 0 && _at < text.Length && text[_at] == '"')
            {
                value = ReadQuoted();
            }

            if (field == "sort")
            {
                SetSort(value, valueAt, start, nested, negated);
                return null;
            }

            return new FilterParser(context).Parse(field, value, start, valueAt);
        }

        if (!HasLetterOrDigit(word))
        {
            return null; // punctuation alone (`&`, `—`) has nothing to search for, as in any search box
        }

        bool prefix = word.Length > 1 && word[^1] == '*';
        return new Words(prefix ? word[..^1] : word, IsPhrase: false, prefix, start);
    }

    private void SetSort(string value, int valueAt, int start, bool nested, bool negated)
    {
        if (nested || negated || _sort is not null)
        {
            throw Error(start, _sort is not null ? "sort: is given twice" : "sort: applies to the whole query: write it outside '-' and '(…)'");
        }

        string name = value.ToLowerInvariant();
        bool descending = name.EndsWith("-desc", StringComparison.Ordinal);
        name = descending ? name[..^5] : name.EndsWith("-asc", StringComparison.Ordinal) ? name[..^4] : name;
        _sort = name switch
        {
            "relevance" or "rank" => new SortOrder(SortKey.Relevance, false),
            "priority" => new SortOrder(SortKey.Priority, descending),
            "due" => new SortOrder(SortKey.Due, descending),
            "progress" => new SortOrder(SortKey.Progress, descending),
            _ => throw Error(valueAt, $"'{value}' is not a sort order (relevance, priority, due, progress; add -desc to reverse)"),
        };
    }

    private bool AtOr() =>
        _at + 1 < text.Length && text[_at] == 'O' && text[_at + 1] == 'R' && (_at + 2 == text.Length || char.IsWhiteSpace(text[_at + 2]) || text[_at + 2] is '(' or ')' or '"');

    private string ReadWord()
    {
        int start = _at;
        while (_at < text.Length && !char.IsWhiteSpace(text[_at]) && text[_at] is not ('(' or ')' or '"'))
        {
            _at++;
        }

        return text[start.._at];
    }

    private string ReadQuoted()
    {
        int quote = _at++;
        int close = text.IndexOf('"', _at);
        if (close < 0)
        {
            throw Error(quote, "the quote is never closed");
        }

        string inside = text[_at..close];
        _at = close + 1;
        return inside;
    }

    private void SkipSpace()
    {
        while (_at < text.Length && char.IsWhiteSpace(text[_at]))
        {
            _at++;
        }
    }

    private static bool HasLetterOrDigit(string s) => s.Any(char.IsLetterOrDigit);

    internal static PunchlistException Error(int offset, string message) => new($"malformed query at column {offset + 1}: {message}");
}
