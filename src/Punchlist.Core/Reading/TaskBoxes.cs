using Punchlist.Model;

namespace Punchlist.Reading;

/// <summary>
/// GFM's task-list rule, checked on the source rather than taken from Markdig's extension (which also
/// marks `[x]` that is not followed by whitespace): the box is the first thing of the list item's
/// first paragraph, is followed by a space, tab or line end, and the paragraph has text after it.
/// Besides `[ ]`/`[x]`/`[X]`, `[/]` is in progress, `[-]` cancelled, `[~]` not applicable, and any
/// other punctuation or symbol is a custom marker whose state punchlist.yml names.
/// </summary>
internal static class TaskBoxes
{
    /// <summary>The marker character when a box starts the paragraph at <paramref name="start"/>.</summary>
    public static char? At(string text, int start, int paragraphEnd)
    {
        if (start + 3 > text.Length || text[start] != '[' || text[start + 2] != ']')
        {
            return null;
        }

        char marker = text[start + 1];
        if (!IsMarker(marker))
        {
            return null;
        }

        if (start + 3 < text.Length && text[start + 3] is not (' ' or '\t' or '\n' or '\r'))
        {
            return null;
        }

        for (int i = start + 3; i < Math.Min(paragraphEnd, text.Length); i++)
        {
            if (text[i] is not (' ' or '\t' or '\n' or '\r'))
            {
                return marker;
            }
        }

        return null;
    }

    public static bool IsMarker(char c) =>
        c is ' ' or '\t' or 'x' or 'X'
        || (!char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c) && c is not ('[' or ']') && !char.IsControl(c) && !char.IsSurrogate(c));

    public static BoxMark MarkOf(char marker) => marker switch
    {
        ' ' or '\t' => BoxMark.Unchecked,
        'x' or 'X' => BoxMark.Checked,
        '/' => BoxMark.InProgress,
        '-' => BoxMark.Cancelled,
        '~' => BoxMark.NotApplicable,
        _ => BoxMark.Custom,
    };

    /// <summary>GFM's own boxes: `[ ]`, `[x]`, `[X]`. The rest are this product's extension.</summary>
    public static bool IsGfm(char marker) => marker is ' ' or '\t' or 'x' or 'X';

    public static ItemState StateOf(BoxMark mark, char marker, IReadOnlyDictionary<char, ItemState> custom) => mark switch
    {
        BoxMark.Checked => ItemState.Done,
        BoxMark.Unchecked => ItemState.Open,
        _ => custom.TryGetValue(marker, out var state) ? state : BuiltInState(marker),
    };

    /// <summary>
    /// The state of a marker beyond GFM's with nothing configured: `[/]` in progress, `[-]` cancelled,
    /// `[~]` not applicable, a check mark (`[✓]`, `[✔]`, `[√]`) done; any other marker is open.
    /// </summary>
    public static ItemState BuiltInState(char marker) => marker switch
    {
        'x' or 'X' or '✓' or '✔' or '☑' or '√' => ItemState.Done,
        '/' => ItemState.InProgress,
        '-' or '~' => ItemState.Cancelled,
        _ => ItemState.Open,
    };
}
