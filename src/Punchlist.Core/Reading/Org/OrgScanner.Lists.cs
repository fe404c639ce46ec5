using Punchlist.Text;

namespace Punchlist.Reading.Org;

internal sealed partial class OrgScanner
{
    // org-list-full-item-re: a bullet (`-`, `+`, `*` when indented, `1.` or `1)`) then a blank or the
    // line end; an optional counter `[@3]`; an optional box `[ ]`, `[X]` or `[-]` then a blank or the end.
    private bool TryItem(int line, TextSpan span, int indent, int start)
    {
        int end = span.End;
        int at = start;
        char c = _text[at];
        if (c is '-' or '+' || (c == '*' && start > span.Start))
        {
            at++;
        }
        else
        {
            while (at < end && char.IsAsciiDigit(_text[at]))
            {
                at++;
            }

            if (at == start || at >= end || _text[at] is not ('.' or ')'))
            {
                return false;
            }

            at++;
        }

        if (at < end && _text[at] is not (' ' or '\t'))
        {
            return false;
        }

        CloseItems(indent, all: false);
        if (_openItems.Count >= MaxDepth)
        {
            NoteDepth(start);
            CloseTopItem();
        }

        at = SkipBlanks(at, end);
        if (at + 2 < end && _text[at] == '[' && _text[at + 1] == '@')
        {
            int close = _text.IndexOf(']', at, Math.Min(end - at, 12));
            if (close > 0)
            {
                at = SkipBlanks(close + 1, end);
            }
        }

        char? box = null;
        var boxSpan = default(TextSpan);
        if (at + 2 < end && _text[at] == '[' && _text[at + 2] == ']' && _text[at + 1] is ' ' or 'X' or 'x' or '-'
            && (at + 3 == end || _text[at + 3] is ' ' or '\t'))
        {
            box = _text[at + 1];
            boxSpan = new TextSpan(at, 3);
            at = SkipBlanks(at + 3, end);
            if (box == 'x')
            {
                Note("'[x]' is read as ticked; Org itself ticks only '[X]' (upper case) and counts '[x]' as an open box", boxSpan);
            }
        }

        int textEnd = end;
        while (textEnd > at && _text[textEnd - 1] is ' ' or '\t')
        {
            textEnd--;
        }

        var item = new OrgListItem
        {
            Line = line,
            Indent = indent,
            Start = start,
            End = span.End,
            Parent = _openItems.Count > 0 ? _openItems[^1] : null,
            Entry = CurrentEntry,
            Box = box,
            BoxSpan = boxSpan,
            TextSpan = TextSpan.FromBounds(at, Math.Max(at, textEnd)),
        };
        _outline.Items.Add(item);
        _openItems.Add(item);
        _continuing = item;
        var text = TextSpan.FromBounds(start, Math.Max(start, textEnd));
        _outline.TextLines.Add(new OrgTextLine(text, item, CurrentEntry));
        ReadStateNote(text, CurrentEntry);
        return true;
    }

    // Items indented at least as deep as a line that is not theirs end before it (org-element--list-struct);
    // `all` ends every open item (a headline, two blank lines).
    private void CloseItems(int indent, bool all)
    {
        while (_openItems.Count > 0 && (all || _openItems[^1].Indent >= indent))
        {
            CloseTopItem();
        }
    }

    private void CloseTopItem()
    {
        var item = _openItems[^1];
        item.End = Math.Max(item.End, _lastContentEnd);
        _openItems.RemoveAt(_openItems.Count - 1);
        if (_continuing == item)
        {
            _continuing = null;
        }
    }

    private int SkipBlanks(int at, int end)
    {
        while (at < end && _text[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }
}
