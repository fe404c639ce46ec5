using System.Text;

namespace Punchlist.Cli.Rendering;

/// <summary>How a column's text gives way when the table is too wide.</summary>
internal enum Cut
{
    /// <summary>Never cut (numbers, states, dates): the column is dropped whole before it is cut.</summary>
    Never,

    /// <summary>Cut at the end with `…` (titles, names).</summary>
    End,

    /// <summary>Cut in the middle with `…` (paths: where it is and the file name stay).</summary>
    Middle,
}

/// <summary>
/// A column: its header, alignment, how it gives way (<see cref="Cut"/>, down to <see cref="Min"/>
/// cells), a shorter header and compact cells it can switch to, and how much it matters
/// (<see cref="Keep"/>: when nothing else gives, the column with the lowest goes first).
/// </summary>
internal sealed record Column(string Header)
{
    public bool Right { get; init; }

    public Cut Cut { get; init; } = Cut.Never;

    /// <summary>The fewest cells a cut column keeps.</summary>
    public int Min { get; init; } = 12;

    /// <summary>How far a cut column gives way before any column is compacted or dropped.</summary>
    public int Comfort { get; init; } = 24;

    /// <summary>The header when the column is compact (`WIP` for `In progress`).</summary>
    public string? Short { get; init; }

    public int Keep { get; init; } = 50;

    /// <summary>Spaces before the column (none before the first): two, or one between numbers.</summary>
    public int Gap { get; init; } = 2;
}

/// <summary>
/// A run of text in one style (Spectre's, e.g. `red` or `grey`), already clean for a terminal;
/// <paramref name="Whole"/> when wrapping must not break it (a command to copy: `punch verify`).
/// </summary>
internal readonly record struct Span(string Text, string? Style = null, bool Whole = false);

/// <summary>What a cell shows, and optionally a compact form it takes when its column must narrow.</summary>
internal sealed record Cell(IReadOnlyList<Span> Spans, IReadOnlyList<Span>? Compact = null)
{
    public static readonly Cell Empty = new([]);

    /// <summary>Foreign text (a path, a title): cleaned for the terminal.</summary>
    public static Cell Text(string? text, string? style = null) =>
        string.IsNullOrEmpty(text) ? Empty : new([new Span(TerminalText.Clean(text), style)]);

    public static Cell Number(int value, string? style = null) =>
        new([new Span(value.ToString(System.Globalization.CultureInfo.InvariantCulture), style)]);

    public static implicit operator Cell(string text) => Text(text);
}

/// <summary>
/// A table laid out for a width, as gh and Taskwarrior print theirs: no borders, two spaces between
/// columns, headers in bold. When the natural widths do not fit, text columns are cut to a
/// comfortable width, then columns switch to their compact form, then text is cut to its minimum,
/// then the least important columns are dropped — numbers are never cut or wrapped. Written here
/// rather than with Spectre's Table, which squeezes and wraps every column, numbers included.
/// </summary>
internal sealed class TextTable(params Column[] columns)
{
    // A row's cells, a heading line (Span[]), or null for a rule.
    private readonly List<object?> _rows = [];

    public IReadOnlyList<Column> Columns => columns;

    public int RowCount => _rows.Count(r => r is Cell[]);

    public void Add(params Cell[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"a row of {columns.Length} cells expected, not {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>A thin line across the table (before a total).</summary>
    public void Rule() => _rows.Add(null);

    /// <summary>A line of its own between rows (a document's name above its items), cut to the width.</summary>
    public void Heading(Span[] spans) => _rows.Add(spans);

    /// <summary>The table's lines as Spectre markup, each at most <paramref name="width"/> cells (with no trailing space).</summary>
    public List<string> Lines(int width)
    {
        var layout = Layout(width);
        int tableWidth = layout.Sum(p => p.Width) + Gaps(layout.Select(p => p.Index).ToList());
        var lines = new List<string> { Render(layout, null) };
        foreach (var row in _rows)
        {
            lines.Add(row switch
            {
                Cell[] cells => Render(layout, cells),
                Span[] heading => string.Concat(Fit(heading, width, Cut.End).Select(Markup)),
                _ => $"[grey]{new string('─', tableWidth)}[/]",
            });
        }

        return lines;
    }

    /// <summary>
    /// `--plain`: the headers, then one line per row with every column, tab-separated, never cut
    /// (a cell's compact form when it has one: `22%` for a bar); rules and headings are left out.
    /// </summary>
    public List<string> Records()
    {
        var lines = new List<string> { string.Join('\t', columns.Select(c => c.Header)) };
        foreach (var row in _rows)
        {
            if (row is Cell[] cells)
            {
                lines.Add(string.Join('\t', cells.Select(c => PlainText.Field(string.Concat((c.Compact ?? c.Spans).Select(s => s.Text))))));
            }
        }

        return lines;
    }

    // Which columns are shown, how wide, and whether compact.
    private sealed record Placing(int Index, int Width, bool Compact);

    private List<Placing> Layout(int width)
    {
        var shown = Enumerable.Range(0, columns.Length).ToList();
        var compact = new bool[columns.Length];
        while (true)
        {
            var natural = shown.ToDictionary(c => c, c => Natural(c, compact[c]));
            int excess = natural.Values.Sum() + Gaps(shown) - width;
            if (excess <= 0)
            {
                return Place(shown, natural, compact);
            }

            // First the text columns give way down to a comfortable width, then the columns that have a
            // compact form take it, then the text goes down to its minimum, then a column is dropped.
            excess = Shrink(shown, natural, excess, c => Math.Max(columns[c].Min, Math.Min(columns[c].Comfort, natural[c])));
            if (excess <= 0)
            {
                return Place(shown, natural, compact);
            }

            int? compactable = shown.Where(c => !compact[c] && CanCompact(c)).OrderBy(c => columns[c].Keep).Cast<int?>().FirstOrDefault();
            if (compactable is { } next)
            {
                compact[next] = true;
                continue;
            }

            excess = Shrink(shown, natural, excess, c => columns[c].Min);
            if (excess <= 0 || shown.Count == 1)
            {
                return Place(shown, natural, compact);
            }

            shown.Remove(shown.OrderBy(c => columns[c].Keep).ThenByDescending(c => c).First());
        }
    }

    private int Gaps(List<int> shown) => shown.Skip(1).Sum(c => columns[c].Gap);

    private static List<Placing> Place(List<int> shown, Dictionary<int, int> widths, bool[] compact) =>
        shown.Select(c => new Placing(c, widths[c], compact[c])).ToList();

    // Takes cells from the widest cut columns first, down to each one's floor; what is left to take.
    private int Shrink(List<int> shown, Dictionary<int, int> widths, int excess, Func<int, int> floor)
    {
        while (excess > 0)
        {
            int? widest = shown.Where(c => columns[c].Cut != Cut.Never && widths[c] > floor(c))
                .OrderByDescending(c => widths[c]).Cast<int?>().FirstOrDefault();
            if (widest is not { } c)
            {
                break;
            }

            int second = shown.Where(o => o != c && columns[o].Cut != Cut.Never).Select(o => widths[o]).DefaultIfEmpty(0).Max();
            int take = Math.Min(excess, Math.Max(1, Math.Min(widths[c] - floor(c), widths[c] - second)));
            widths[c] -= take;
            excess -= take;
        }

        return excess;
    }

    private bool CanCompact(int column) =>
        columns[column].Short is not null || _rows.Any(r => r is Cell[] cells && cells[column].Compact is not null);

    private int Natural(int column, bool compact)
    {
        var spec = columns[column];
        int widest = Cells.Width(compact && spec.Short is { } s ? s : spec.Header);
        foreach (var row in _rows)
        {
            if (row is Cell[] cells)
            {
                widest = Math.Max(widest, Width(Content(cells[column], compact)));
            }
        }

        return widest;
    }

    private static IReadOnlyList<Span> Content(Cell cell, bool compact) => compact && cell.Compact is { } c ? c : cell.Spans;

    // A cell that does not fit its column takes its compact form, when it has one, before it is cut.
    private static IReadOnlyList<Span> Shortest(Cell cell, bool compact, int width)
    {
        var content = Content(cell, compact);
        return Width(content) > width && cell.Compact is { } shorter ? shorter : content;
    }

    private static int Width(IReadOnlyList<Span> spans) => spans.Sum(s => Cells.Width(s.Text));

    // A row, or the header when row is null.
    private string Render(List<Placing> layout, Cell[]? row)
    {
        var line = new StringBuilder();

        for (int i = 0; i < layout.Count; i++)
        {
            var placed = layout[i];
            var column = columns[placed.Index];
            IReadOnlyList<Span> spans = row is null
                ? [new Span(placed.Compact && column.Short is { } s ? s : column.Header, "bold")]
                : Fit(Shortest(row[placed.Index], placed.Compact, placed.Width), placed.Width, column.Cut);
            int cells = Width(spans);
            bool last = i == layout.Count - 1;
            string pad = new(' ', Math.Max(0, placed.Width - cells));
            if (column.Right)
            {
                line.Append(pad);
            }

            foreach (var span in spans)
            {
                line.Append(Markup(span));
            }

            if (!column.Right && !last)
            {
                line.Append(pad);
            }

            if (!last)
            {
                line.Append(' ', columns[layout[i + 1].Index].Gap);
            }
        }

        return line.ToString().TrimEnd();
    }

    private static IReadOnlyList<Span> Fit(IReadOnlyList<Span> spans, int width, Cut cut)
    {
        if (cut == Cut.Never || Width(spans) <= width)
        {
            return spans;
        }

        if (cut == Cut.Middle || spans.Count == 1)
        {
            string text = string.Concat(spans.Select(s => s.Text));
            return [new Span(cut == Cut.Middle ? Cells.Middle(text, width) : Cells.End(text, width), spans[0].Style)];
        }

        // Several styles: keep whole spans while they fit, cut the first that does not.
        var kept = new List<Span>();
        int used = 0;
        foreach (var span in spans)
        {
            int cells = Cells.Width(span.Text);
            if (used + cells <= width - 1)
            {
                kept.Add(span);
                used += cells;
                continue;
            }

            kept.Add(span with { Text = Cells.End(span.Text, width - used) });
            break;
        }

        return kept;
    }

    private static string Markup(Span span)
    {
        string text = Spectre.Console.Markup.Escape(span.Text);
        return span.Style is null ? text : $"[{span.Style}]{text}[/]";
    }
}
