namespace Punchlist.Reading;

/// <summary>
/// How deep a document nests block quotes and lists, found in one pass over its lines before Markdig
/// sees it. Markdig's cost per line grows with the depth of the blocks that line continues (every
/// open quote is continued and its span updated up the tree), so a file of lines 10,000 quotes deep
/// costs the square of the depth for every line: 790 such lines took over two minutes. Past
/// <see cref="MaxDepth"/> the document is read line by line instead, in time linear in its size; no
/// tracker a person writes nests that deep.
/// </summary>
internal static class NestingProbe
{
    public const int MaxDepth = 32;

    /// <summary>Whether some line of <paramref name="text"/> sits inside more than <see cref="MaxDepth"/> quotes and list items.</summary>
    public static bool TooDeep(string text)
    {
        // Content columns of the list items open above the current line (an approximation of
        // Markdig's: a line less indented than an item's content closes it).
        var items = new List<int>();
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            if (Depth(text, lineStart, lineEnd, items) > MaxDepth)
            {
                return true;
            }

            lineStart = lineEnd + 1;
        }

        return false;
    }

    private static int Depth(string text, int start, int end, List<int> items)
    {
        int i = start, quotes = 0;
        while (true)
        {
            while (i < end && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < end && text[i] == '>')
            {
                quotes++;
                i++;
                continue;
            }

            break;
        }

        if (i >= end || text[i] == '\r')
        {
            return quotes + items.Count; // a blank line leaves the items open
        }

        bool first = true;
        while (Marker(text, i, end) is int after)
        {
            int column = i - start;
            if (first)
            {
                Close(items, column);
                first = false;
            }

            int content = after;
            while (content < end && content - after < 4 && text[content] is ' ' or '\t')
            {
                content++;
            }

            items.Add(content - start);
            i = content;
            if (quotes + items.Count > MaxDepth)
            {
                return quotes + items.Count;
            }
        }

        if (first)
        {
            Close(items, i - start);
        }

        return quotes + items.Count;
    }

    private static void Close(List<int> items, int column)
    {
        while (items.Count > 0 && items[^1] > column)
        {
            items.RemoveAt(items.Count - 1);
        }
    }

    // A list marker at `at` followed by a space, a tab or the end of the line: the index after the marker.
    private static int? Marker(string text, int at, int end)
    {
        int i = at;
        if (i < end && text[i] is '-' or '*' or '+')
        {
            i++;
        }
        else
        {
            while (i < end && i - at < 9 && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == at || i >= end || text[i] is not ('.' or ')'))
            {
                return null;
            }

            i++;
        }

        return i >= end || text[i] is ' ' or '\t' or '\r' ? i : null;
    }
}
