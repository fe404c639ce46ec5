using Punchlist.Editing;
using Punchlist.Text;

namespace Punchlist.Analysis.Claims;

/// <summary>
/// Keeps a table cell's width when a correction changes the length of its numbers, so that an
/// aligned table stays aligned: the cell's own padding before its closing `|` grows or shrinks (never
/// below one space). The padding edit touches only spaces; one next to a number edit merges with it.
/// </summary>
internal static class CellPadding
{
    public static IReadOnlyList<TextEdit> Keep(string text, TextSpan cell, IReadOnlyList<TextEdit> edits)
    {
        int delta = edits.Sum(e => e.NewText.Length - e.Span.Length);
        int end = cell.End;
        int padding = 0;
        while (end + padding < text.Length && text[end + padding] == ' ')
        {
            padding++;
        }

        if (delta == 0 || end + padding >= text.Length || text[end + padding] != '|')
        {
            return edits; // no closing pipe: the last cell of a row without one has nothing to align
        }

        TextEdit pad;
        if (delta < 0)
        {
            pad = new TextEdit(new TextSpan(end, 0), new string(' ', -delta));
        }
        else
        {
            int remove = Math.Min(delta, padding - 1);
            if (remove <= 0)
            {
                return edits;
            }

            pad = new TextEdit(new TextSpan(end, remove), string.Empty);
        }

        var result = edits.ToList();
        var last = result[^1];
        if (last.Span.End == end)
        {
            result[^1] = new TextEdit(TextSpan.FromBounds(last.Span.Start, pad.Span.End), last.NewText + pad.NewText);
        }
        else
        {
            result.Add(pad);
        }

        return result;
    }
}
