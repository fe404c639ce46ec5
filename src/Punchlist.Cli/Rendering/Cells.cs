using Spectre.Console.Rendering;

namespace Punchlist.Cli.Rendering;

/// <summary>How many terminal cells text takes, and text cut to fit a number of cells with `…`.</summary>
internal static class Cells
{
    private const string Ellipsis = "…";

    /// <summary>The cells <paramref name="text"/> takes (wide characters two, combining marks none); text that is already clean.</summary>
    public static int Width(string text)
    {
        // Most of what is measured is ASCII: one cell a character, no table to look up.
        foreach (char c in text)
        {
            if (c >= 0x7F)
            {
                return new Segment(text).CellCount();
            }
        }

        return text.Length;
    }

    /// <summary>The text, cut at the end with `…` when it takes more than <paramref name="width"/> cells.</summary>
    public static string End(string text, int width)
    {
        if (Width(text) <= width)
        {
            return text;
        }

        if (width <= 0)
        {
            return string.Empty;
        }

        int used = 0, end = 0;
        while (end < text.Length)
        {
            int next = NextBoundary(text, end);
            int cells = Width(text[end..next]);
            if (used + cells > width - 1)
            {
                break;
            }

            used += cells;
            end = next;
        }

        return text[..end].TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// The text cut in the middle with `…` when it takes more than <paramref name="width"/> cells: what a
    /// path keeps is its start (where it is) and its end (the file name), the end favoured.
    /// </summary>
    public static string Middle(string text, int width)
    {
        if (Width(text) <= width)
        {
            return text;
        }

        if (width <= 1)
        {
            return width == 1 ? Ellipsis : string.Empty;
        }

        int room = width - 1;
        int tail = room - (room / 3);
        string end = Tail(text, tail);
        string start = End(text, room - Width(end) + 1);
        start = start.EndsWith(Ellipsis, StringComparison.Ordinal) ? start[..^1] : start;
        return start + Ellipsis + end;
    }

    /// <summary>Spaces to make <paramref name="text"/> take <paramref name="width"/> cells, on the left or on the right.</summary>
    public static string Pad(string text, int width, bool right)
    {
        int missing = width - Width(text);
        return missing <= 0 ? text : right ? new string(' ', missing) + text : text + new string(' ', missing);
    }

    // The last characters of the text that fit in width cells, whole characters only.
    private static string Tail(string text, int width)
    {
        int used = 0, start = text.Length;
        while (start > 0)
        {
            int previous = start - 1;
            if (previous > 0 && char.IsLowSurrogate(text[previous]) && char.IsHighSurrogate(text[previous - 1]))
            {
                previous--;
            }

            int cells = Width(text[previous..start]);
            if (used + cells > width)
            {
                break;
            }

            used += cells;
            start = previous;
        }

        return text[start..];
    }

    // A surrogate pair stays whole; so does a character with the marks that follow it.
    private static int NextBoundary(string text, int at)
    {
        int next = at + (char.IsHighSurrogate(text[at]) && at + 1 < text.Length ? 2 : 1);
        while (next < text.Length && Width(text[next].ToString()) == 0 && !char.IsHighSurrogate(text[next]))
        {
            next++;
        }

        return next;
    }
}
