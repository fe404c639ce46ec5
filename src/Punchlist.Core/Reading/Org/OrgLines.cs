using Punchlist.Text;

namespace Punchlist.Reading.Org;

/// <summary>
/// The lines of an Org file with what one look at each tells: headline levels, and where every
/// block, dynamic block and drawer could end. Org's greater elements end at a closing line found
/// before the next headline (org-element: "Incomplete block: parse it as a paragraph"); keeping the
/// closing lines sorted makes that a binary search, so a file of unclosed `#+BEGIN_SRC` lines is
/// read in linear time rather than one scan to the next headline per opening line.
/// </summary>
internal sealed class OrgLines
{
    private readonly int[] _levels;
    private readonly int[] _nextHeadline;
    private readonly Dictionary<string, List<int>> _blockEnds = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<int> _drawerEnds = [];
    private readonly List<int> _dynamicEnds = [];

    public OrgLines(SourceText source)
    {
        Text = source.Text;
        Map = source.Lines;
        Count = Map.LineCount;
        _levels = new int[Count];
        _nextHeadline = new int[Count + 1];
        for (int line = 0; line < Count; line++)
        {
            var span = Span(line);
            _levels[line] = HeadlineLevel(Text, span);
            if (_levels[line] == 0)
            {
                IndexClosingLine(line, span);
            }
        }

        _nextHeadline[Count] = Count;
        for (int line = Count - 1; line >= 0; line--)
        {
            _nextHeadline[line] = _levels[line] > 0 ? line : _nextHeadline[line + 1];
        }
    }

    public string Text { get; }

    public LineMap Map { get; }

    public int Count { get; }

    /// <summary>The line without its line break.</summary>
    public TextSpan Span(int line) => Map.LineSpan(Text, line);

    public ReadOnlySpan<char> Chars(int line)
    {
        var span = Span(line);
        return Text.AsSpan(span.Start, span.Length);
    }

    /// <summary>The number of stars of a headline (`** Title`: 2), or 0 when the line is not one.</summary>
    public int Level(int line) => _levels[line];

    /// <summary>The first headline at or after <paramref name="line"/>, or <see cref="Count"/>.</summary>
    public int NextHeadline(int line) => _nextHeadline[Math.Min(line, Count)];

    /// <summary>The `#+END_name` line closing a block opened at <paramref name="line"/>, or -1 when none comes before the next headline.</summary>
    public int BlockEnd(int line, string name) =>
        _blockEnds.TryGetValue(name, out var ends) ? FirstBefore(ends, line, NextHeadline(line + 1)) : -1;

    /// <summary>The `:END:` line closing a drawer opened at <paramref name="line"/>, or -1.</summary>
    public int DrawerEnd(int line) => FirstBefore(_drawerEnds, line, NextHeadline(line + 1));

    /// <summary>The `#+END:` line closing a dynamic block opened at <paramref name="line"/>, or -1.</summary>
    public int DynamicBlockEnd(int line) => FirstBefore(_dynamicEnds, line, NextHeadline(line + 1));

    /// <summary>Columns of leading blanks, a tab to the next multiple of 8 as Emacs counts them.</summary>
    public static int Indentation(ReadOnlySpan<char> line, out int blanks)
    {
        int column = 0;
        blanks = 0;
        while (blanks < line.Length && line[blanks] is ' ' or '\t')
        {
            column = line[blanks] == '\t' ? (column / 8 + 1) * 8 : column + 1;
            blanks++;
        }

        return column;
    }

    // org-element-headline-re: stars at the start of the line, then a space.
    private static int HeadlineLevel(string text, TextSpan span)
    {
        int stars = 0;
        while (stars < span.Length && text[span.Start + stars] == '*')
        {
            stars++;
        }

        return stars > 0 && stars < span.Length && text[span.Start + stars] == ' ' ? stars : 0;
    }

    private void IndexClosingLine(int line, TextSpan span)
    {
        var chars = Text.AsSpan(span.Start, span.Length).Trim(" \t");
        if (chars.Length < 5)
        {
            return;
        }

        if (chars[0] == ':' && chars.Equals(":END:", StringComparison.OrdinalIgnoreCase))
        {
            _drawerEnds.Add(line);
        }
        else if (chars[0] == '#' && chars.StartsWith("#+END", StringComparison.OrdinalIgnoreCase))
        {
            var rest = chars[5..];
            if (rest.IsEmpty || rest is ":")
            {
                _dynamicEnds.Add(line);
            }
            else if (rest[0] == '_' && rest.Length > 1 && rest[1..].IndexOfAny(" \t") < 0)
            {
                string name = rest[1..].ToString();
                if (!_blockEnds.TryGetValue(name, out var ends))
                {
                    _blockEnds[name] = ends = [];
                }

                ends.Add(line);
            }
        }
    }

    // The first closing line after `line` and before `limit`, or -1.
    private static int FirstBefore(List<int> ends, int line, int limit)
    {
        int index = ends.BinarySearch(line + 1);
        index = index >= 0 ? index : ~index;
        return index < ends.Count && ends[index] < limit ? ends[index] : -1;
    }
}
