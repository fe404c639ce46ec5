namespace Punchlist.Text;

/// <summary>
/// Start offsets of every line of a text. Lines end at LF, CRLF or a lone CR, as CommonMark
/// counts them, so positions agree with what Markdig and editors show.
/// </summary>
public sealed class LineMap
{
    private readonly int[] _starts;
    private readonly int _count;
    private readonly int _length;

    private LineMap(int[] starts, int count, int length)
    {
        _starts = starts;
        _count = count;
        _length = length;
    }

    public int LineCount => _count;

    public static LineMap Build(string text)
    {
        var span = text.AsSpan();

        // One array, sized by counting line ends first (exact unless the text uses CRLF), rather than a growing list.
        var starts = new int[span.Count('\n') + span.Count('\r') + 1];
        int count = 1;
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
            starts[count++] = i;
            if (i >= span.Length)
            {
                break;
            }
        }

        return new LineMap(starts, count, text.Length);
    }

    /// <summary>0-based index of the line holding <paramref name="offset"/>.</summary>
    public int LineIndexOf(int offset)
    {
        // The span's search compares ints directly (Array.BinarySearch goes through a comparer): the reader
        // asks this for every block and field it reads.
        int index = _starts.AsSpan(0, _count).BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }

    public LinePosition PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int line = LineIndexOf(offset);
        return new LinePosition(line + 1, offset - _starts[line] + 1);
    }

    public int LineStart(int lineIndex)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)lineIndex, (uint)_count, nameof(lineIndex));
        return _starts[lineIndex];
    }

    /// <summary>The span of a line with its line break (the last line has none).</summary>
    public TextSpan LineSpanWithBreak(int lineIndex)
    {
        int start = LineStart(lineIndex);
        return TextSpan.FromBounds(start, lineIndex + 1 < _count ? _starts[lineIndex + 1] : _length);
    }

    /// <summary>The span of a line without its line break.</summary>
    public TextSpan LineSpan(string text, int lineIndex)
    {
        int start = LineStart(lineIndex);
        int end = lineIndex + 1 < _count ? _starts[lineIndex + 1] : _length;
        while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r'))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }
}
