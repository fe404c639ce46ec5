using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading.Org;

/// <summary>
/// One pass over the lines of an Org file, after its settings: headlines open entries; the line under
/// a headline may be its planning line and the lines under that its property drawer; blocks,
/// dynamic blocks and drawers closed before the next headline are skipped whole; plain lists follow
/// `org-element--list-struct` (an item ends at a sibling or any line indented no deeper than its
/// bullet, and every list at two blank lines). Everything is linear in the file; no recursion.
/// <para>
/// Written by hand because no maintained Org parser exists for .NET (none is on the package feed),
/// and because Punchlist needs exact spans into the original text to edit it byte for byte. The
/// rules are org-element.el's (Org 9.7), cited where they are applied; docs/formats.md says where
/// Punchlist reads differently.
/// </para>
/// </summary>
internal sealed partial class OrgScanner
{
    /// <summary>Headlines and lists deeper than this are read at this depth.</summary>
    public const int MaxDepth = 64;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly OrgLines _lines;
    private readonly OrgOutline _outline;
    private readonly List<OrgEntry> _openEntries = [];
    private readonly List<OrgListItem> _openItems = [];
    private OrgListItem? _continuing;
    private int _lastContentEnd;
    private int _blankRun;
    private bool _notedDepth;

    private OrgScanner(SourceText source, StatusVocabulary vocabulary)
    {
        _source = source;
        _text = source.Text;
        _lines = new OrgLines(source);
        _outline = new OrgOutline { Settings = OrgSettings.Read(_lines, source, vocabulary) };
    }

    public static OrgOutline Scan(SourceText source, StatusVocabulary vocabulary) => new OrgScanner(source, vocabulary).Run();

    private OrgEntry? CurrentEntry => _openEntries.Count > 0 ? _openEntries[^1] : null;

    private OrgOutline Run()
    {
        for (int line = 0; line < _lines.Count; line++)
        {
            int level = _lines.Level(line);
            if (level > 0)
            {
                line = OpenEntry(line, level);
                continue;
            }

            if (CurrentEntry is { Hidden: true })
            {
                continue;
            }

            line = ReadLine(line);
        }

        CloseItems(0, all: true);
        CloseEntries(0, _text.Length);
        return _outline;
    }

    private int ReadLine(int line)
    {
        var span = _lines.Span(line);
        var chars = _text.AsSpan(span.Start, span.Length);
        int indent = OrgLines.Indentation(chars, out int blanks);
        if (blanks == chars.Length)
        {
            // org-list-end-re: two blank lines end every list.
            _continuing = null;
            if (++_blankRun >= 2)
            {
                CloseItems(0, all: true);
            }

            return line;
        }

        _blankRun = 0;
        int start = span.Start + blanks;
        if (TryItem(line, span, indent, start))
        {
            _lastContentEnd = span.End;
            return line;
        }

        CloseItems(indent, all: false);
        int last = ReadElement(line, span, start);
        _lastContentEnd = _lines.Span(last).End;
        return last;
    }

    // A line that is not a list item: a block, drawer, keyword, comment, table, fixed-width line or
    // paragraph text. Returns the last line it took.
    private int ReadElement(int line, TextSpan span, int start)
    {
        var rest = _text.AsSpan(start, span.End - start);
        char first = rest[0];
        bool paragraph = false;
        int last = line;
        switch (first)
        {
            case '#' when rest.Length > 1 && rest[1] == '+':
                if (OrgSettings.SkipBlock(_lines, line, rest.TrimEnd(" \t")) is { } end)
                {
                    last = end;
                    _outline.Verbatim.Add(TextSpan.FromBounds(span.Start, _lines.Span(end).End));
                    break;
                }

                NoteUnclosedBlock(line, start, rest);

                // `#+` that is no keyword (an unclosed `#+BEGIN_SRC`): org-element reads it as a paragraph.
                paragraph = OrgSettings.Keyword(_text, start, span.End) is null;

                break;
            case '#' when rest.Length == 1 || rest[1] is ' ' or '\t':
                break; // a comment line
            case ':':
                last = ReadColonLine(line, span, rest);
                paragraph = last < 0;
                last = Math.Max(last, line);
                break;
            case '|':
                last = ReadTable(line);
                break;
            default:
                paragraph = true;
                break;
        }

        if (!paragraph)
        {
            _continuing = null;
            return last;
        }

        var text = TextSpan.FromBounds(start, span.End);
        var item = _openItems.Count > 0 ? _openItems[^1] : null;
        if (_continuing is not null && _continuing == item)
        {
            item.TextSpan = TextSpan.FromBounds(item.TextSpan.IsEmpty ? start : item.TextSpan.Start, span.End);
        }
        else
        {
            _continuing = null;
        }

        _outline.TextLines.Add(new OrgTextLine(text, item, CurrentEntry));
        ReadStateNote(text, CurrentEntry);
        return last;
    }

    // A drawer (`:NAME:` … `:END:`), a fixed-width line (`: text`), or -1 for paragraph text.
    private int ReadColonLine(int line, TextSpan span, ReadOnlySpan<char> rest)
    {
        var trimmed = rest.TrimEnd(" \t");
        if (trimmed.Length == 1 || rest[1] is ' ' or '\t')
        {
            return line; // fixed-width
        }

        if (trimmed.Length > 2 && trimmed[^1] == ':' && IsDrawerName(trimmed[1..^1]))
        {
            int end = _lines.DrawerEnd(line);
            if (end >= 0)
            {
                _outline.Verbatim.Add(TextSpan.FromBounds(span.Start, _lines.Span(end).End));
                if (trimmed[1..^1].SequenceEqual("LOGBOOK"))
                {
                    for (int note = line + 1; note < end; note++)
                    {
                        var noteSpan = _lines.Span(note);
                        ReadStateNote(noteSpan, CurrentEntry);
                    }
                }

                return end;
            }
        }

        return -1;
    }

    // org-element-drawer-re: a name of word characters, `-` and `_`.
    private static bool IsDrawerName(ReadOnlySpan<char> name)
    {
        foreach (char c in name)
        {
            if (!char.IsLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return !name.IsEmpty;
    }

    private int ReadTable(int line)
    {
        int last = line;
        while (last + 1 < _lines.Count && _lines.Level(last + 1) == 0 && _lines.Chars(last + 1).TrimStart(" \t") is [ '|', .. ])
        {
            last++;
        }

        var rows = new List<(int Line, bool Rule, List<TextSpan> Cells)>();
        for (int i = line; i <= last; i++)
        {
            var span = _lines.Span(i);
            int bar = _text.IndexOf('|', span.Start, span.Length);
            bool rule = bar + 1 < span.End && _text[bar + 1] == '-';
            rows.Add((i, rule, rule ? [] : Cells(bar, span.End)));
        }

        // Rows above the first rule line are the header, when rows follow it (Org's table header).
        int firstRule = rows.FindIndex(r => r.Rule);
        bool hasHeader = firstRule > 0 && rows.Skip(firstRule).Any(r => !r.Rule);
        var model = rows.Select((r, i) => (r, i)).Where(x => !x.r.Rule)
            .Select(x => new OrgTableRow(x.r.Line, hasHeader && x.i < firstRule, x.r.Cells)).ToList();
        _outline.Tables.Add(new OrgTable(TextSpan.FromBounds(_lines.Span(line).Start, _lines.Span(last).End), CurrentEntry, model));
        return last;
    }

    // Cells between bars, each trimmed of its padding; a row need not end with a bar.
    private List<TextSpan> Cells(int bar, int end)
    {
        var cells = new List<TextSpan>();
        int start = bar + 1;
        while (start <= end)
        {
            int next = start < end ? _text.IndexOf('|', start, end - start) : -1;
            int stop = next < 0 ? end : next;
            int a = start, b = stop;
            while (a < b && _text[a] is ' ' or '\t')
            {
                a++;
            }

            while (b > a && _text[b - 1] is ' ' or '\t')
            {
                b--;
            }

            if (next >= 0 || a < b)
            {
                cells.Add(TextSpan.FromBounds(a, b));
            }

            if (next < 0)
            {
                break;
            }

            start = next + 1;
        }

        return cells;
    }

    private void NoteUnclosedBlock(int line, int start, ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith("#+BEGIN", StringComparison.OrdinalIgnoreCase))
        {
            var opening = rest.TrimEnd(" \t");
            int blank = opening.IndexOfAny(' ', '\t');
            string name = (blank >= 0 ? opening[..blank] : opening).ToString();
            string closing = name.Length > 7 && name[7] == '_' ? "#+END" + name[7..] : "#+END:";
            Note($"'{name}' has no '{closing}' before the next headline, so Org reads it and the lines after it as text", TextSpan.FromBounds(start, _lines.Span(line).End));
        }
    }

    private void Note(string message, TextSpan span) => _outline.Notes.Add(new ReaderNote(message, span, _source.PositionOf(span.Start)));

    private void NoteDepth(int at)
    {
        if (!_notedDepth)
        {
            _notedDepth = true;
            Note($"nesting deeper than {MaxDepth} levels is read as level {MaxDepth}", new TextSpan(at, 0));
        }
    }
}
