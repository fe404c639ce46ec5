using System.Text;

namespace Punchlist.Editing;

/// <summary>
/// Applies edits to a string, to show what a finding's text will read once fixed: the counterpart of
/// <see cref="Splice"/>, which edits a file's bytes, in the same order (by start, an insertion before
/// a replacement that starts where it does).
/// </summary>
internal static class TextEdits
{
    /// <summary>
    /// <paramref name="text"/> with the edits applied, in any order given; <paramref name="origin"/> is
    /// where the text starts in the document the edits' spans count in (a line or a claim cut out of it).
    /// Edits must lie inside the text and must not overlap (see <see cref="EditSet"/>).
    /// </summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits, int origin = 0)
    {
        var result = new StringBuilder(text.Length);
        int copied = 0;
        foreach (var edit in edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End))
        {
            int start = edit.Span.Start - origin;
            if (start < copied || edit.Span.End - origin > text.Length)
            {
                throw new ArgumentException($"edit {edit.Span} overlaps another or lies outside the text", nameof(edits));
            }

            result.Append(text, copied, start - copied).Append(edit.NewText);
            copied = edit.Span.End - origin;
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }
}
