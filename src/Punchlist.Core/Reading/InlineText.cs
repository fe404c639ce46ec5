using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Punchlist.Text;

namespace Punchlist.Reading;

/// <summary>Plain text of Markdig inlines, read from the source by span so nothing is reinterpreted.</summary>
internal static class InlineText
{
    /// <summary>
    /// The plain text of <paramref name="inline"/> from <paramref name="from"/> on. Emphasis and link
    /// syntax are dropped, code keeps its content, a hard line break ends the text when
    /// <paramref name="stopAtHardBreak"/> (a task's title is its first line when it has one).
    /// </summary>
    public static (string Text, TextSpan Span) Plain(ContainerInline? inline, string source, int from = 0, bool stopAtHardBreak = false)
    {
        if (inline is null)
        {
            return (string.Empty, default);
        }

        var text = new StringBuilder();
        int start = -1, end = -1;
        bool stopped = false;
        Append(inline, source, from, stopAtHardBreak, text, ref start, ref end, ref stopped);
        string result = Collapse(text);
        return (result, start < 0 ? new TextSpan(Math.Max(from, inline.Span.Start), 0) : TextSpan.FromBounds(start, end));
    }

    private static void Append(ContainerInline container, string source, int from, bool stopAtHardBreak, StringBuilder text, ref int start, ref int end, ref bool stopped)
    {
        for (var child = container.FirstChild; child is not null && !stopped; child = child.NextSibling)
        {
            if (child.Span.End < from && child.Span.End >= 0)
            {
                continue;
            }

            switch (child)
            {
                case LiteralInline literal:
                    int s = Math.Max(literal.Span.Start, from);
                    int e = Math.Min(literal.Span.End + 1, source.Length);
                    if (e > s)
                    {
                        // An escaped character's span covers the backslash; its content does not.
                        string slice = literal.Span.Length == literal.Content.Length ? source[s..e] : literal.Content.ToString();
                        int lead = start < 0 && slice.Length == e - s ? slice.Length - slice.TrimStart().Length : 0;
                        if (lead < slice.Length)
                        {
                            Mark(text, slice, s + lead, e, ref start, ref end);
                        }
                        else
                        {
                            text.Append(slice); // whitespace only: it does not start the text's span
                        }
                    }

                    break;
                case CodeInline code:
                    Mark(text, code.Content, code.Span.Start, code.Span.End + 1, ref start, ref end);
                    break;
                case LineBreakInline lineBreak:
                    if (lineBreak.IsHard && stopAtHardBreak && text.Length > 0)
                    {
                        stopped = true;
                    }
                    else
                    {
                        text.Append(' ');
                    }

                    break;
                case HtmlInline:
                    break;
                case HtmlEntityInline entity:
                    Mark(text, entity.Transcoded.ToString(), entity.Span.Start, entity.Span.End + 1, ref start, ref end);
                    break;
                case AutolinkInline autolink:
                    Mark(text, autolink.Url, autolink.Span.Start, autolink.Span.End + 1, ref start, ref end);
                    break;
                case ContainerInline nested:
                    Append(nested, source, from, stopAtHardBreak, text, ref start, ref end, ref stopped);
                    break;
            }
        }
    }

    private static void Mark(StringBuilder text, string value, int s, int e, ref int start, ref int end)
    {
        text.Append(value);
        if (start < 0)
        {
            start = s;
        }

        end = Math.Max(end, e);
    }

    private static string Collapse(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        bool space = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (!space)
                {
                    result.Append(' ');
                }

                space = true;
            }
            else
            {
                result.Append(c);
                space = false;
            }
        }

        return result.ToString().TrimEnd();
    }

    /// <summary>The span of the block's own source text with trailing whitespace dropped.</summary>
    public static TextSpan SpanOf(MarkdownObject block, string source)
    {
        int start = Math.Clamp(block.Span.Start, 0, source.Length);
        int end = Math.Clamp(block.Span.End + 1, start, source.Length);
        while (end > start && char.IsWhiteSpace(source[end - 1]))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }
}
