namespace Punchlist.Search;

/// <summary>
/// Recursive descent over the query text. Juxtaposition is AND; `OR` (upper case) binds tighter, so
/// `backup OR restore is:open` is `(backup OR restore) AND is:open`; `-` negates the term it touches;
/// parentheses group. Every error names the column where it was found.
/// </summary>
/// <remarks>
/// Bounded, so that no query can crash what runs it: parentheses that only wrap add nothing to the
/// tree (an AND inside an AND, an OR inside an OR are one list; `-(-x)` is `x`), the tree may nest at
/// most <see cref="MaxDepth"/> levels and hold <see cref="MaxTerms"/> words, phrases and filters (the
/// full-text parser and SQLite's expression depth give up long before a query a person writes does),
/// and the recursion stops with an error before the thread's stack runs out.
/// </remarks>
internal sealed class QueryParser(string text, QueryContext context)
{
    public const int MaxDepth = 32;
    public const int MaxTerms = 10_000;

    private int _at;
    private int _terms;
    private SortOrder? _sort;

    public Query Parse()
    {
        var root = ParseAll(nested: false);
        if (root is not null && Deepest(root, 1) is { } deep)
        {
            throw Error(deep.Position, $"the query nests more than {MaxDepth} levels of AND, OR and '-'");
        }

        return new Query(text, root, _sort ?? SortOrder.Relevance);
    }

    // The first node found below the depth limit, or null.
    private static QueryNode? Deepest(QueryNode node, int depth) => depth > MaxDepth ? node : node switch
    {
        AllOf all => all.Parts.Select(p => Deepest(p, depth + 1)).FirstOrDefault(d => d is not null),
        AnyOf any => any.Parts.Select(p => Deepest(p, depth + 1)).FirstOrDefault(d => d is not null),
        Not not => Deepest(not.Part, depth + 1),
        _ => null,
    };

    private QueryNode Counted(QueryNode term, int at) =>
        ++_terms > MaxTerms ? throw Error(at, $"the query holds more than {MaxTerms:N0} words, phrases and filters") : term;

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
            if (part is AllOf inner)
            {
                parts.AddRange(inner.Parts); // `(a b) c` is `a b c`
            }
            else if (part is not null)
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
        var parts = new List<QueryNode?>();
        bool sawOr = false;
        if (first is AnyOf alternatives)
        {
            parts.AddRange(alternatives.Parts);
        }
        else
        {
            parts.Add(first);
        }

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
            sawOr = true;
            _at += 2;
            SkipSpace();
            if (_at >= text.Length || text[_at] == ')' || AtOr())
            {
                throw Error(or, "'OR' needs a term on each side");
            }

            var next = ParseUnary(nested);
            if (next is AnyOf inner)
            {
                parts.AddRange(inner.Parts); // `a OR (b OR c)` is `a OR b OR c`
            }
            else
            {
                parts.Add(next);
            }
        }

        if (!sawOr)
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
            return part switch
            {
                null => null,
                Not twice => twice.Part, // `-(-x)` is `x`
                _ => new Not(part, minus),
            };
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
                if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
                {
                    throw Error(start, "the parentheses nest too deeply");
                }

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
                return HasLetterOrDigit(phrase) ? Counted(new Words(phrase.Trim(), IsPhrase: true, IsPrefix: false, start), start) : throw Error(start, "the phrase holds no word to search for");
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

            return Counted(new FilterParser(context).Parse(field, value, start, valueAt), start);
        }

        if (!HasLetterOrDigit(word))
        {
            return null; // punctuation alone (`&`, `—`) has nothing to search for, as in any search box
        }

        bool prefix = word.Length > 1 && word[^1] == '*';
        return Counted(new Words(prefix ? word[..^1] : word, IsPhrase: false, prefix, start), start);
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
            "state" => new SortOrder(SortKey.State, descending),
            _ => throw Error(valueAt, $"'{value}' is not a sort order (relevance, priority, due, progress, state; add -desc to reverse)"),
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

    // One line whatever the query held: a newline or other control character quoted back from it
    // (a phrase, a glob) is written as an escape, so the error stays the one line a user error is.
    internal static PunchlistException Error(int offset, string message) => new($"malformed query at column {offset + 1}: {OneLine(message)}");

    private static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var line = new System.Text.StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            line.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return line.ToString();
    }
}
