namespace Punchlist.Text;

/// <summary>
/// Start offsets of every line of a text. Lines end at LF, CRLF or a lone CR, as CommonMark
/// counts them, so positions agree with what Markdig and editors show.
/// </summary>
public sealed class LineMap
{
    private readonly int[] _starts;
    private readonly int _length;

    private LineMap(int[] starts, int length)
    {
        _starts = starts;
        _length = length;
    }

    public int LineCount => _starts.Length;

    public static LineMap Build(string text)
    {
        var starts = new List<int>(text.Length / 40 + 1) { 0 };
        var span = text.AsSpan();
        int i = 0;
        while (true)
        {
            int next = span[i..].IndexOfAny('\n', '\r');
            if (next < 0)
            {
                break;
            }

            i += next;
            i += span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n' ? 2 : 1;
            starts.Add(i);
            if (i >= span.Length)
            {
                break;
            }
        }

        return new LineMap([.. starts], text.Length);
    }

    /// <summary>0-based index of the line holding <paramref name="offset"/>.</summary>
    public int LineIndexOf(int offset)
    {
        int index = Array.BinarySearch(_starts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    public LinePosition PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int line = LineIndexOf(offset);
        return new LinePosition(line + 1, offset - _starts[line] + 1);
    }

    public int LineStart(int lineIndex) => _starts[lineIndex];

    /// <summary>The span of a line without its line break.</summary>
    public TextSpan LineSpan(string text, int lineIndex)
    {
        int start = _starts[lineIndex];
        int end = lineIndex + 1 < _starts.Length ? _starts[lineIndex + 1] : _length;
        while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r'))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }
}
