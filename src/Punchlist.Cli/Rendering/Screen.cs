using System.Text;
using Spectre.Console;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// Where renderers write: Spectre markup lines, tables laid out for <see cref="Width"/>, and text
/// wrapped at word boundaries under a hanging indent (a tree's continuation lines keep its shape).
/// Spectre itself never wraps (its width is unbounded): every line is made to fit here.
/// With <paramref name="plain"/> (`--plain`) every line goes there instead, for a script or a screen
/// reader: no colour, no box drawing, nothing wrapped or cut, tables as a header line and one record a
/// line with tab-separated fields (as gh prints when piped).
/// </summary>
internal sealed class Screen(IAnsiConsole console, int width, TextWriter? plain = null)
{
    public int Width => width;

    public bool Color => plain is null && console.Profile.Capabilities.Ansi;

    /// <summary>`--plain`: renderers leave out what only decorates (a source line under its finding).</summary>
    public bool Plain => plain is not null;

    /// <summary>One line of markup; foreign text in it went through <see cref="TerminalText.Markup"/>.</summary>
    public void Line(string markup = "")
    {
        if (plain is null)
        {
            console.MarkupLine(markup);
        }
        else if (PlainText.Line(Spectre.Console.Markup.Remove(markup)) is { } line)
        {
            plain.WriteLine(line);
        }
    }

    public void Table(TextTable table)
    {
        if (plain is not null)
        {
            table.Records().ForEach(plain.WriteLine);
            return;
        }

        foreach (string line in table.Lines(width))
        {
            console.MarkupLine(line);
        }
    }

    /// <summary>
    /// <paramref name="spans"/> after <paramref name="prefix"/> (markup taking <paramref name="prefixCells"/>
    /// cells), wrapped at words to the width; continuation lines start at the prefix's end.
    /// </summary>
    public void Wrapped(string prefix, int prefixCells, IReadOnlyList<Span> spans)
    {
        if (plain is not null)
        {
            // The prefix is the renderer's (a gutter); the spans are text, written as they are.
            if (PlainText.Line(PlainText.Prefix(Spectre.Console.Markup.Remove(prefix)) + string.Concat(spans.Select(s => s.Text))) is { } line)
            {
                plain.WriteLine(line);
            }

            return;
        }

        int room = Math.Max(20, width - prefixCells);
        string indent = new(' ', prefixCells);
        bool first = true;
        foreach (var line in Wrap(spans, room))
        {
            console.MarkupLine((first ? prefix : indent) + line);
            first = false;
        }

        if (first)
        {
            console.MarkupLine(prefix.TrimEnd());
        }
    }

    /// <summary>Plain foreign text wrapped under a hanging indent, in one style.</summary>
    public void Wrapped(string prefix, int prefixCells, string text, string? style = null) =>
        Wrapped(prefix, prefixCells, [new Span(TerminalText.Clean(text), style)]);

    // The spans cut into lines of at most room cells, at spaces where there are any; markup per line.
    private static List<string> Wrap(IReadOnlyList<Span> spans, int room)
    {
        var text = new StringBuilder();
        var styles = new List<string?>();
        var whole = new List<bool>();
        foreach (var span in spans)
        {
            text.Append(span.Text);
            styles.AddRange(Enumerable.Repeat(span.Style, span.Text.Length));
            whole.AddRange(Enumerable.Repeat(span.Whole, span.Text.Length));
        }

        string all = text.ToString();
        var lines = new List<string>();
        int start = 0;
        while (start < all.Length)
        {
            int end = FitEnd(all, start, room);
            int cut = end;
            if (end < all.Length)
            {
                int space = end;
                while (space > start && (all[space] != ' ' || whole[space]))
                {
                    space--;
                }

                if (space > start)
                {
                    cut = space;
                }
            }

            lines.Add(Markup(all, styles, start, cut).TrimEnd());
            start = cut;
            while (start < all.Length && all[start] == ' ')
            {
                start++;
            }
        }

        return lines;
    }

    // The furthest end (exclusive) from start whose text takes at most room cells.
    private static int FitEnd(string text, int start, int room)
    {
        int used = 0, at = start;
        while (at < text.Length)
        {
            int next = at + (char.IsHighSurrogate(text[at]) && at + 1 < text.Length ? 2 : 1);
            int cells = Cells.Width(text[at..next]);
            if (used + cells > room)
            {
                break;
            }

            used += cells;
            at = next;
        }

        return at == start ? Math.Min(text.Length, start + 1) : at;
    }

    private static string Markup(string text, List<string?> styles, int from, int to)
    {
        var markup = new StringBuilder();
        int at = from;
        while (at < to)
        {
            string? style = styles[at];
            int end = at;
            while (end < to && styles[end] == style)
            {
                end++;
            }

            string part = Spectre.Console.Markup.Escape(text[at..end]);
            markup.Append(style is null ? part : $"[{style}]{part}[/]");
            at = end;
        }

        return markup.ToString();
    }
}
