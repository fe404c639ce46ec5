using System.Buffers;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Punchlist.Text;

namespace Punchlist.Reading;

/// <summary>Plain text of Markdig inlines, read from the source by span so nothing is reinterpreted.</summary>
internal static class InlineText
{
    private static readonly SearchValues<char> Blanks = SearchValues.Create(" \t\n\r");

    [ThreadStatic]
    private static StringBuilder? _builder;

    /// <summary>The plain text of a leaf block from <paramref name="from"/> on (see the overload on inlines).</summary>
    public static (string Text, TextSpan Span) Plain(LeafBlock block, string source, int from = 0, bool stopAtHardBreak = false)
    {
        if (!PlainParagraphs.IsPlain(block))
        {
            return Plain(block.Inline, source, from, stopAtHardBreak);
        }

        // A plain paragraph is its lines joined by soft breaks: what its literals and line breaks would be.
        var text = _builder ??= new StringBuilder(256);
        text.Clear();
        var state = new State(from, stopAtHardBreak);
        var lines = block.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            if (i > 0)
            {
                AppendCollapsed(text, " ", ref state);
            }

            AppendLiteral(text, source, slice.Start, slice.End, slice.AsSpan(), ref state);
        }

        return Finish(text, from, block.Span.Start, ref state);
    }

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

        // One builder per thread, reused: every task title and table cell goes through here.
        var text = _builder ??= new StringBuilder(256);
        text.Clear();
        var state = new State(from, stopAtHardBreak);
        Append(inline, source, text, ref state);
        return Finish(text, from, inline.Span.Start, ref state);
    }

    private static (string Text, TextSpan Span) Finish(StringBuilder text, int from, int blockStart, ref State state)
    {
        int length = text.Length;
        while (length > 0 && char.IsWhiteSpace(text[length - 1]))
        {
            length--;
        }

        string result = text.ToString(0, length);
        if (text.Capacity > 4096)
        {
            _builder = null; // a huge paragraph should not pin its buffer for the rest of the scan
        }

        return (result, state.Start < 0 ? new TextSpan(Math.Max(from, blockStart), 0) : TextSpan.FromBounds(state.Start, state.End));
    }

    private static void Append(ContainerInline container, string source, StringBuilder text, ref State state)
    {
        for (var child = container.FirstChild; child is not null && !state.Stopped; child = child.NextSibling)
        {
            if (child.Span.End < state.From && child.Span.End >= 0)
            {
                continue;
            }

            switch (child)
            {
                case LiteralInline literal:
                    AppendLiteral(text, source, literal.Span.Start, literal.Span.End, literal.Content.AsSpan(), ref state);
                    break;
                case CodeInline code:
                    Mark(text, code.Content, code.Span.Start, code.Span.End + 1, ref state);
                    break;
                case LineBreakInline lineBreak:
                    if (lineBreak.IsHard && state.StopAtHardBreak && state.HasText)
                    {
                        state.Stopped = true;
                    }
                    else
                    {
                        AppendCollapsed(text, " ", ref state);
                    }

                    break;
                case HtmlInline:
                    break;
                case HtmlEntityInline entity:
                    Mark(text, entity.Transcoded.AsSpan(), entity.Span.Start, entity.Span.End + 1, ref state);
                    break;
                case AutolinkInline autolink:
                    Mark(text, autolink.Url, autolink.Span.Start, autolink.Span.End + 1, ref state);
                    break;
                case ContainerInline nested:
                    Append(nested, source, text, ref state);
                    break;
            }
        }
    }

    // Text from source offsets start..end (inclusive), or its content when that differs from the source.
    private static void AppendLiteral(StringBuilder text, string source, int start, int end, ReadOnlySpan<char> content, ref State state)
    {
        int s = Math.Max(start, state.From);
        int e = Math.Min(end + 1, source.Length);
        if (e <= s)
        {
            return;
        }

        // An escaped character's span covers the backslash; its content does not.
        var slice = end - start + 1 == content.Length ? source.AsSpan(s, e - s) : content;
        int lead = state.Start < 0 && slice.Length == e - s ? slice.Length - slice.TrimStart().Length : 0;
        if (lead < slice.Length)
        {
            Mark(text, slice, s + lead, e, ref state);
        }
        else
        {
            AppendCollapsed(text, slice, ref state); // whitespace only: it does not start the text's span
        }
    }

    private static void Mark(StringBuilder text, ReadOnlySpan<char> value, int s, int e, ref State state)
    {
        AppendCollapsed(text, value, ref state);
        if (state.Start < 0)
        {
            state.Start = s;
        }

        state.End = Math.Max(state.End, e);
    }

    // Runs of spaces, tabs and line ends become one space, and none leads: the text as a reader sees it.
    private static void AppendCollapsed(StringBuilder text, ReadOnlySpan<char> value, ref State state)
    {
        state.HasText |= !value.IsEmpty;
        while (!value.IsEmpty)
        {
            int blank = value.IndexOfAny(Blanks);
            var word = blank < 0 ? value : value[..blank];
            if (!word.IsEmpty)
            {
                text.Append(word);
                state.AfterSpace = false;
            }

            if (blank < 0)
            {
                break;
            }

            if (!state.AfterSpace)
            {
                text.Append(' ');
                state.AfterSpace = true;
            }

            value = value[(blank + 1)..];
        }
    }

    /// <summary>Where a walk over inlines is: what it skips, where the text's span starts and ends, whether it stopped.</summary>
    private struct State(int from, bool stopAtHardBreak)
    {
        public readonly int From = from;
        public readonly bool StopAtHardBreak = stopAtHardBreak;
        public int Start = -1;
        public int End = -1;
        public bool Stopped;
        public bool HasText;
        public bool AfterSpace = true;
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
