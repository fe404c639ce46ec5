using System.Text.RegularExpressions;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading.Org;

internal sealed partial class OrgScanner
{
    private static readonly string[] PlanningKeywords = ["CLOSED:", "DEADLINE:", "SCHEDULED:"];

    // A headline: close the lists and the entries it ends, parse it, then its planning line and property
    // drawer, which Org recognises only directly under the headline. Returns the last line it took.
    private int OpenEntry(int line, int stars)
    {
        var span = _lines.Span(line);
        CloseItems(0, all: true);
        _continuing = null;
        _blankRun = 0;
        int level = Math.Min(stars, MaxDepth);
        if (stars > MaxDepth)
        {
            NoteDepth(span.Start);
        }

        CloseEntries(level, span.Start);
        var parent = CurrentEntry;
        var headline = OrgHeadline.Parse(_text, span, line, stars, _outline.Settings.Keywords);
        var entry = new OrgEntry
        {
            Headline = headline,
            Parent = parent,
            Level = level,
            Hidden = parent?.Hidden == true || headline.Commented || headline.Archived,
        };
        parent?.Children.Add(entry);
        _outline.Entries.Add(entry);
        _openEntries.Add(entry);
        _lastContentEnd = span.End;
        if (entry.Hidden)
        {
            return line;
        }

        if (headline.Tags.Count > 0)
        {
            var tags = headline.TagsSpan;
            entry.Fields.Add(new MetadataField("TAGS", FieldKind.Custom, _text.Substring(tags.Start, tags.Length), tags, tags, _source.PositionOf(tags.Start), FieldShape.Line));
        }

        NoteHeadline(headline);
        int last = ReadPlanning(line, entry);
        last = ReadProperties(last, entry);
        _lastContentEnd = _lines.Span(last).End;
        return last;
    }

    private void CloseEntries(int level, int at)
    {
        while (_openEntries.Count > 0 && _openEntries[^1].Level >= level)
        {
            _openEntries[^1].End = TrimEnd(at);
            _openEntries.RemoveAt(_openEntries.Count - 1);
        }
    }

    private int TrimEnd(int at)
    {
        while (at > 0 && char.IsWhiteSpace(_text[at - 1]))
        {
            at--;
        }

        return at;
    }

    // org-element-planning-line-re on the line after the headline; each keyword followed by a timestamp.
    private int ReadPlanning(int line, OrgEntry entry)
    {
        if (line + 1 >= _lines.Count || _lines.Level(line + 1) > 0)
        {
            return line;
        }

        var span = _lines.Span(line + 1);
        var chars = _text.AsSpan(span.Start, span.Length).TrimStart(" \t");
        if (!chars.StartsWith("CLOSED:", StringComparison.Ordinal) && !chars.StartsWith("DEADLINE:", StringComparison.Ordinal) && !chars.StartsWith("SCHEDULED:", StringComparison.Ordinal))
        {
            return line;
        }

        // A planning line holds each keyword once; the bound keeps a pathological line linear.
        for (int at = span.Start, round = 0; at < span.End && round < 8; round++)
        {
            int found = -1;
            string? keyword = null;
            foreach (string candidate in PlanningKeywords)
            {
                int i = _text.IndexOf(candidate, at, span.End - at, StringComparison.Ordinal);
                if (i >= 0 && (found < 0 || i < found))
                {
                    (found, keyword) = (i, candidate);
                }
            }

            if (keyword is null)
            {
                break;
            }

            int stamp = found + keyword.Length;
            while (stamp < span.End && _text[stamp] is ' ' or '\t')
            {
                stamp++;
            }

            at = stamp;
            if (OrgTimestamp.At(_text, stamp, span.End) is not { } timestamp)
            {
                continue;
            }

            var kind = keyword[0] switch
            {
                'D' => FieldKind.Due,
                'C' => FieldKind.Completed,
                _ => FieldKind.Custom,
            };
            string key = keyword[..^1];
            entry.Fields.Add(new MetadataField(key, kind, _text.Substring(timestamp.Inner.Start, timestamp.Inner.Length),
                new TextSpan(found, key.Length), timestamp.Inner, _source.PositionOf(found), FieldShape.Planning));
            at = timestamp.Span.End;
        }

        return line + 1;
    }

    // org-property-drawer-re: `:PROPERTIES:`, only `:KEY: value` lines, then `:END:` before the next headline.
    private int ReadProperties(int line, OrgEntry entry)
    {
        int open = line + 1;
        if (open >= _lines.Count || _lines.Level(open) > 0 || !_lines.Chars(open).Trim(" \t").Equals(":PROPERTIES:", StringComparison.OrdinalIgnoreCase))
        {
            return line;
        }

        int end = _lines.DrawerEnd(open);
        if (end < 0)
        {
            return line;
        }

        var properties = new List<MetadataField>();
        for (int i = open + 1; i < end; i++)
        {
            if (Property(_lines.Span(i)) is not { } property)
            {
                return line; // not a property drawer: read as an ordinary drawer named PROPERTIES
            }

            properties.Add(property);
        }

        entry.Fields.AddRange(properties);
        return end;
    }

    // org-property-re: `:KEY:` (the key runs to the last colon of the first word), then the value.
    private MetadataField? Property(TextSpan span)
    {
        int at = span.Start;
        while (at < span.End && _text[at] is ' ' or '\t')
        {
            at++;
        }

        if (at >= span.End || _text[at] != ':')
        {
            return null;
        }

        int word = at + 1;
        int colon = -1;
        while (word < span.End && _text[word] is not (' ' or '\t'))
        {
            if (_text[word] == ':')
            {
                colon = word;
            }

            word++;
        }

        if (colon <= at + 1)
        {
            return null;
        }

        var key = TextSpan.FromBounds(at + 1, colon);
        int valueStart = colon + 1;
        while (valueStart < span.End && _text[valueStart] is ' ' or '\t')
        {
            valueStart++;
        }

        int valueEnd = span.End;
        while (valueEnd > valueStart && _text[valueEnd - 1] is ' ' or '\t')
        {
            valueEnd--;
        }

        string name = _text.Substring(key.Start, key.Length);
        var value = TextSpan.FromBounds(valueStart, valueEnd);
        return new MetadataField(name, FieldKeys.Classify(name.TrimEnd('+')), _text.Substring(value.Start, value.Length), key, value, _source.PositionOf(key.Start), FieldShape.Property);
    }

    // `- State "DONE" from "TODO" [2017-09-11 Mon 09:59]`, written by Org when a keyword changes (in a
    // LOGBOOK drawer or under the headline, newest first): on a done entry with no CLOSED line, the
    // newest note that reached a done keyword says when it was completed.
    private void ReadStateNote(TextSpan text, OrgEntry? entry)
    {
        if (entry?.Headline.Keyword is not { IsDone: true } || text.Length < 12
            || _text.IndexOf("State \"", text.Start, text.Length, StringComparison.Ordinal) < 0
            || entry.Fields.Exists(f => f.Kind == FieldKind.Completed))
        {
            return;
        }

        var m = StateNote().Match(_text, text.Start, text.Length);
        if (!m.Success || _outline.Settings.Keywords.Find(m.Groups["to"].ValueSpan) is not { IsDone: true })
        {
            return;
        }

        var stamp = m.Groups["stamp"];
        var inner = new TextSpan(stamp.Index, stamp.Length);
        var key = m.Groups["key"];
        entry.Fields.Add(new MetadataField(key.Value, FieldKind.Completed, stamp.Value, new TextSpan(key.Index, key.Length), inner, _source.PositionOf(key.Index), FieldShape.ListItem));
    }

    private void NoteHeadline(OrgHeadline headline)
    {
        var keywords = _outline.Settings.Keywords;
        if (headline.Keyword is null && keywords.Declared && !headline.TitleSpan.IsEmpty)
        {
            int end = headline.TitleSpan.Start;
            while (end < headline.TitleSpan.End && _text[end] is not (' ' or '\t'))
            {
                end++;
            }

            var word = _text.AsSpan(headline.TitleSpan.Start, end - headline.TitleSpan.Start);
            if (OrgKeywords.IsImplicit(word))
            {
                Note($"'{word}' is not one of this file's TODO keywords (its #+TODO: lines name {string.Join(", ", keywords.Sequences.SelectMany(s => s).Select(k => k.Name))}), so this headline is not an item", headline.Span);
            }
        }

        if (headline.Priority is { } priority && !_outline.Settings.Priorities.InRange(priority))
        {
            var p = _outline.Settings.Priorities;
            Note($"priority {_text.Substring(headline.PrioritySpan.Start, headline.PrioritySpan.Length)} is outside this file's range {Name(p.Highest)}–{Name(p.Lowest)}", headline.PrioritySpan);
        }

        static string Name(int value) => value >= 'A' ? ((char)value).ToString() : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?<key>State)[ \t]+""(?<to>[^""\s]+)""[ \t]+from[ \t]+(?:""[^""]*""|\S+)?[ \t]*\[(?<stamp>\d{4}-\d{2}-\d{2}[^\]\r\n]*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex StateNote();
}
