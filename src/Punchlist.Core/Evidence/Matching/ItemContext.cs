using Punchlist.Model;

namespace Punchlist.Evidence.Matching;

/// <summary>
/// The words around an item that say what it is about when its own text does not: its section
/// titles and the label line above its list (`**Docker Compose Production**` over `- [ ] Restart policies`).
/// </summary>
internal static class ItemContext
{
    private const int MaxLabelLength = 120;
    private const int MaxLinesUp = 200;

    public static string Of(TrackerDocument document, Item item)
    {
        var parts = new List<string>(item.Section?.Path() ?? []);
        if (item.Kind == ItemKind.Task && Label(document, item.Position.Line) is { } label)
        {
            parts.Add(label);
        }

        return string.Join(" \u2022 ", parts);
    }

    // Walk up over the list the item is in (items, their continuation lines, blank lines) to the
    // paragraph line above it; a heading ends the walk (its title is already in the section path).
    private static string? Label(TrackerDocument document, int line)
    {
        var lines = document.Source.Lines;
        string text = document.Source.Text;
        for (int n = line - 2; n >= 0 && n >= line - MaxLinesUp; n--)
        {
            var span = lines.LineSpan(text, n);
            string content = text.Substring(span.Start, span.Length).Trim();
            if (content.Length == 0 || char.IsWhiteSpace(text[span.Start]) || content.StartsWith('>') || IsListItem(content))
            {
                continue;
            }

            if (content.StartsWith('#') || content.StartsWith("---", StringComparison.Ordinal) || content.StartsWith('|'))
            {
                return null;
            }

            return content.Length <= MaxLabelLength ? content : null;
        }

        return null;
    }

    private static bool IsListItem(string content) =>
        content[0] is '-' or '*' or '+' || (char.IsAsciiDigit(content[0]) && content.TrimStart("0123456789".ToCharArray()) is ['.' or ')', ..]);
}
