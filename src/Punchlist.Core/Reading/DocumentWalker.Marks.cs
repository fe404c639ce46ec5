using Markdig.Syntax;
using Punchlist.Model;
using Punchlist.Reading.Marks;
using Punchlist.Reading.Tables;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading;

/// <summary>
/// Items written without a task-list box: list entries led by a state emoji, entries of lists whose
/// done entries are struck through or end in `DONE`/`✅`, runs of headings led by a state emoji, and
/// bare `[x] 1. …` lines. Under a card or a task they are criteria, as boxes are.
/// </summary>
internal sealed partial class DocumentWalker
{
    /// <summary>How a list writes states besides boxes.</summary>
    [Flags]
    private enum ListMarks
    {
        None = 0,

        /// <summary>Entries led by a state emoji; at least one definite (`✅`, `❌`, `⏳`), and no dos and don'ts.</summary>
        Leading = 1,

        /// <summary>Entries struck through or closed by `DONE`/a state emoji: every entry is an item, the marked ones in their state.</summary>
        Closing = 2,
    }

    // One look at each entry's first paragraph: a list without such marks costs a character test per entry.
    private ListMarks MarksOf(ListBlock list)
    {
        int entries = 0, definite = 0, strong = 0, trailing = 0, leading = 0;
        bool guidance = false;
        string? uniform = null; // the one marker every led entry carries, if so
        var uniformState = ItemState.Open;
        foreach (var block in list)
        {
            if (block is not ListItemBlock { Count: > 0 } item || item[0] is not ParagraphBlock paragraph)
            {
                continue;
            }

            var span = InlineText.SpanOf(paragraph, _text);
            if (TaskBoxes.At(_text, paragraph.Span.Start, paragraph.Span.End + 1) is not null)
            {
                continue;
            }

            entries++;
            if (MarkText.Leading(_text, span.Start, FirstLineEnd(span), _markers, out bool isGuidance) is { } led && !IsCountEntry(led, span))
            {
                definite += led.Definite ? 1 : 0;
                uniform = leading == 0 ? led.Symbol : uniform == led.Symbol ? uniform : string.Empty;
                uniformState = led.State;
                leading++;
            }

            guidance |= isGuidance;
            if (MarkText.Struck(_text, span.Start, span.End) is not null)
            {
                strong++;
            }
            else if (MarkText.Trailing(_text, span.Start, span.End, _markers) is { } closing)
            {
                if (IsField(span))
                {
                    entries--; // `**Core Framework:** 4 features ✅` is a field with a tick, not an entry of work
                    continue;
                }

                if (char.IsLetter(closing.Symbol[0]))
                {
                    strong++;
                }
                else
                {
                    trailing++;
                }
            }
        }

        var marks = ListMarks.None;
        if (definite > 0 && !guidance && !(uniform is { Length: > 0 } && leading == entries && AreNotStates(list, uniformState)))
        {
            marks |= ListMarks.Leading;
        }

        if (entries >= 2 && (strong > 0 || (trailing >= 2 && 2 * trailing >= entries)))
        {
            marks |= ListMarks.Closing;
        }

        return marks;
    }

    // An entry that is a field: a bold key (`**Core Framework:** 4 features ✅`) or a known key after any
    // emoji (`⏱️ Depends on: T001 | Blocks: T002`). `Implement table definitions: …` is an entry of work.
    private bool IsField(TextSpan entry)
    {
        int end = FirstLineEnd(entry);
        int colon = _text.IndexOf(':', entry.Start, end - entry.Start);
        if (colon < 0)
        {
            return false;
        }

        int start = entry.Start;
        while (start < colon && !char.IsLetterOrDigit(_text[start]) && _text[start] != '*' && _text[start] != '_')
        {
            start++;
        }

        if (_text.AsSpan(start, colon - start).StartsWith("**", StringComparison.Ordinal) || _text.AsSpan(start, colon - start).StartsWith("__", StringComparison.Ordinal))
        {
            return true;
        }

        string key = _text[start..colon].Trim('*', '_', ' ');
        return key.Length is > 0 and < 40 && FieldKeys.Classify(key) != FieldKind.Custom;
    }

    // `- ✅ Core Framework: 4 features`: a count by group, written with a check mark, is a claim and no item.
    private bool IsCountEntry(TextMark mark, TextSpan entry)
    {
        int end = FirstLineEnd(entry);
        int colon = _text.IndexOf(':', mark.Start, end - mark.Start);
        return colon > 0 && Analysis.Claims.ClaimValueParser.Parse(_text, TextSpan.FromBounds(colon + 1, end)) is not null;
    }

    private static readonly string[] DoneContext =
    [
        "done", "completed", "complete", "shipped", "finished", "fixed", "resolved", "implemented", "delivered", "achievements",
        "accomplished", "verification", "verified", "changelog", "released", "deployed", "merged", "congratulations",
    ];

    private static readonly string[] GoalContext =
    [
        "criteria", "criterion", "success", "goal", "goals", "gate", "until", "requirement", "requirements", "prerequisite",
        "prerequisites", "definition", "dod", "exit", "objective", "objectives", "target", "targets", "expected", "expectations",
        "outcome", "outcomes", "acceptance", "checklist", "must", "should", "features", "benefits", "highlights", "advantages",
    ];

    private static readonly string[] LimitContext =
    [
        "cannot", "limitation", "limitations", "limited", "restriction", "restrictions", "unsupported", "permission", "permissions",
        "avoid", "never", "pitfall", "pitfalls", "antipattern", "antipatterns", "dont", "forbidden", "prohibited",
    ];

    // A list whose every entry carries the same marker may use it as a bullet: check marks before goals,
    // crosses before what one cannot or must not do (`**You CANNOT (due to permissions):**`).
    private bool AreNotStates(ListBlock list, ItemState state)
    {
        if (state == ItemState.Done)
        {
            return AreGoals(list);
        }

        if (state != ItemState.Open || LabelBefore(list) is not { } label)
        {
            return false;
        }

        string folded = TextFold.Words(_encoding.Repair(label));
        return folded.Contains("can t", StringComparison.Ordinal) || folded.Contains("can not", StringComparison.Ordinal)
            || folded.Contains("don t", StringComparison.Ordinal) || folded.Split(' ').Any(w => Array.IndexOf(LimitContext, w) >= 0);
    }

    /// <summary>
    /// A list whose every entry is led by the same check mark states goals rather than results when no
    /// heading above it declares the work done, neither its label nor its headings say done, and either
    /// its label or its nearest headings name criteria, goals or a checklist (`**Success Criteria**:`,
    /// `Do NOT proceed until:`, `### Launch Criteria`), or fewer than half its entries name done work.
    /// The check marks are then bullets: reading them as done would call undone work done.
    /// </summary>
    private bool AreGoals(ListBlock list)
    {
        for (var section = CurrentSection; section is not null; section = section.Parent)
        {
            if (section.Declared?.State == ItemState.Done)
            {
                return false;
            }
        }

        var context = new List<string>();
        if (LabelBefore(list) is { } label)
        {
            context.AddRange(TextFold.Words(_encoding.Repair(label)).Split(' '));
        }

        int headings = 0;
        for (var section = CurrentSection; section is not null && headings < 2 && !(section.Index == 0 && section.Level == 1); section = section.Parent, headings++)
        {
            context.AddRange(TextFold.Words(_encoding.Repair(section.Title)).Split(' '));
        }

        if (context.Any(w => Array.IndexOf(DoneContext, w) >= 0))
        {
            return false;
        }

        if (context.Any(w => Array.IndexOf(GoalContext, w) >= 0))
        {
            return true;
        }

        int entries = 0, done = 0;
        foreach (var block in list)
        {
            if (block is ListItemBlock { Count: > 0 } item && item[0] is ParagraphBlock paragraph)
            {
                entries++;
                var span = InlineText.SpanOf(paragraph, _text);
                done += NamesDoneWork(_text[span.Start..FirstLineEnd(span)]) ? 1 : 0;
            }
        }

        return 2 * done < entries;
    }

    private bool NamesDoneWork(string text)
    {
        var words = TextFold.Words(_encoding.Repair(text)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            if (_legend.Statuses.PhraseAt(words, i) is { State: ItemState.Done } && (i == 0 || words[i - 1] is not ("not" or "no")))
            {
                return true;
            }
        }

        return false;
    }

    // The short paragraph right before a list that introduces it (`**Success Criteria**:`, `Decision Gate: … until:`).
    private string? LabelBefore(ListBlock list)
    {
        var label = _lastParagraph;
        if (label.IsEmpty || label.End > list.Span.Start || label.Length > 200)
        {
            return null;
        }

        for (int i = label.End; i < list.Span.Start; i++)
        {
            if (!char.IsWhiteSpace(_text[i]) && _text[i] != '>')
            {
                return null;
            }
        }

        return _text.Substring(label.Start, label.Length);
    }

    /// <summary>Reads a list entry as a mark when the list writes states; false to read it as a plain entry.</summary>
    private bool TryVisitMark(ListItemBlock listItem, ParagraphBlock paragraph, ListMarks marks, Scope scope)
    {
        var span = InlineText.SpanOf(paragraph, _text);
        int lineEnd = FirstLineEnd(span);
        TextMark? mark = null;
        var style = BoxStyle.Emoji;
        if ((marks & ListMarks.Leading) != 0)
        {
            mark = MarkText.Leading(_text, span.Start, lineEnd, _markers);
            if (mark is { } led && IsCountEntry(led, span))
            {
                return false;
            }
        }

        TextMark? closing = null;
        if (mark is null && (marks & ListMarks.Closing) != 0)
        {
            if (IsField(span))
            {
                return false; // `⏱️ Depends on: T001 | Blocks: T002` among the entries is metadata, not an entry of work
            }

            var struck = MarkText.Struck(_text, span.Start, span.End);
            style = struck is null ? BoxStyle.Closing : BoxStyle.Struck;
            closing = MarkText.Trailing(_text, span.Start, span.End, _markers);
            mark = struck is { } s
                ? s with { State = StruckState(span, s, closing) }
                : closing ?? new TextMark(ItemState.Open, span.Start, 0, string.Empty, false);
        }

        if (mark is not { } found)
        {
            return false;
        }

        int from = style == BoxStyle.Emoji ? found.Start + found.Length : span.Start;
        var (text, textSpan) = InlineText.Plain(paragraph, _text, from, stopAtHardBreak: true);
        text = MarkTitle(text, style == BoxStyle.Emoji ? null : closing);
        var state = style == BoxStyle.Emoji ? LeadingPhrase(text) ?? found.State : found.State;
        var box = NewMarkBox(found, style, state, text, textSpan, InlineText.SpanOf(listItem, _text), scope.ParentBox);
        var owner = Receive(scope, box, listItem.Span.Start, text, textSpan);
        var references = Found();
        InlineReferences.Collect(paragraph, _text, from, new InlineReferences.RoleSource(scope.FileRole), true, references);
        Keep(references, owner);
        VisitChildren(listItem, 1, new Scope(owner, box, ReferenceRole.Mention, true, ContentColumnOf(listItem)));
        return true;
    }

    // A struck entry is done unless its words say it was dropped: `~~Old plan~~ (dropped)`.
    private ItemState StruckState(TextSpan entry, TextMark struck, TextMark? closing)
    {
        if (closing is { } c && c.State != ItemState.Done)
        {
            return c.State;
        }

        int after = struck.Start + struck.Length;
        string rest = _text[after..entry.End];
        return _legend.Statuses.Normalise(rest) == ItemState.Cancelled ? ItemState.Cancelled : ItemState.Done;
    }

    // `✅ **COMPLETE**: All tasks done`: a status phrase right after the marker says more than the emoji.
    private ItemState? LeadingPhrase(string title)
    {
        int cut = title.IndexOfAny([':', '—', '–']);
        if (cut < 0)
        {
            int dash = title.IndexOf(" - ", StringComparison.Ordinal);
            cut = dash;
        }

        return cut is > 0 and < 24 ? _legend.Statuses.Exact(title[..cut]) : null;
    }

    // The title without the strike marks, and without the closing state and its note (`~~Auth gate~~ DONE (f106)` → `Auth gate`).
    private static string MarkTitle(string text, TextMark? closing)
    {
        string title = text.Replace("~~", string.Empty, StringComparison.Ordinal);
        if (closing is { } c)
        {
            int at = title.LastIndexOf(c.Symbol, StringComparison.Ordinal);
            if (at > 0)
            {
                title = title[..at];
            }
        }

        return title.Trim().TrimEnd('—', '-', '–', ':', ' ').Trim();
    }

    private Checkbox NewMarkBox(TextMark mark, BoxStyle style, ItemState state, string text, TextSpan textSpan, TextSpan itemSpan, Checkbox? parent) => new()
    {
        Marker = TableItems.MarkerFor(state),
        Mark = state switch
        {
            ItemState.Done => BoxMark.Checked,
            ItemState.InProgress => BoxMark.InProgress,
            ItemState.Cancelled => BoxMark.Cancelled,
            ItemState.Blocked => BoxMark.Custom,
            _ => BoxMark.Unchecked,
        },
        State = state,
        Style = style,
        Symbol = mark.Symbol.Length > 0 ? _encoding.Repair(mark.Symbol) : null,
        MarkerSpan = new TextSpan(mark.Start, mark.Length),
        Text = _encoding.Repair(text),
        TextSpan = textSpan,
        ItemSpan = itemSpan,
        Position = _source.PositionOf(mark.Length > 0 ? mark.Start : itemSpan.Start),
        Depth = parent is null ? 0 : parent.Depth + 1,
        Parent = parent,
    };

    // A box that is no task-list box: a criterion of the item around it, or a mark of its own.
    private ItemBuilder Receive(Scope scope, Checkbox box, int start, string text, TextSpan textSpan)
    {
        if (scope.Owner is { TakesCriteria: true } owner)
        {
            owner.Criteria.Add(box);
            return owner;
        }

        var mark = NewItem(ItemKind.Mark, start, box.ItemSpan.End, box, text, textSpan);
        _items.Add(mark);
        return mark;
    }

    // `[x] 1. Install packages` on a line of its own: not a list item, so no box to GFM, but an item
    // of its own shape (or a criterion of the item around it). Lines after it up to the next such line belong to it.
    private void ReadLooseBoxes(TextSpan paragraph, Scope scope)
    {
        int line = _source.Lines.LineIndexOf(paragraph.Start);
        int last = _source.Lines.LineIndexOf(Math.Max(paragraph.Start, paragraph.End - 1));
        ItemBuilder? previous = null;
        for (; line <= last; line++)
        {
            var span = _source.Lines.LineSpan(_text, line);
            int at = Math.Max(span.Start, paragraph.Start);
            int end = Math.Min(span.End, paragraph.End);
            while (at < end && _text[at] is ' ' or '\t' or '>')
            {
                at++;
            }

            if (TaskBoxes.At(_text, at, end) is not { } marker || !_legend.KnowsBox(marker))
            {
                if (previous is not null)
                {
                    previous.End = end;
                }

                continue;
            }

            int title = at + 3;
            while (title < end && _text[title] is ' ' or '\t')
            {
                title++;
            }

            title = SkipOrdinal(title, end);
            var textSpan = TextSpan.FromBounds(title, end);
            string text = _text[title..end].Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal).Trim();
            var box = new Checkbox
            {
                Marker = marker,
                Mark = TaskBoxes.MarkOf(marker),
                State = _legend.BoxState(marker),
                Style = BoxStyle.Loose,
                MarkerSpan = new TextSpan(at, 3),
                Text = _encoding.Repair(text),
                TextSpan = textSpan,
                ItemSpan = TextSpan.FromBounds(at, end),
                Position = _source.PositionOf(at),
                Depth = scope.ParentBox is null ? 0 : scope.ParentBox.Depth + 1,
                Parent = scope.ParentBox,
            };
            var owner = Receive(scope, box, at, text, textSpan);
            previous = owner.Box == box ? owner : null;
        }
    }

    // `1. Install`, `2) Configure` after a loose box: the ordinal is numbering, not title.
    private int SkipOrdinal(int at, int end)
    {
        int digits = at;
        while (digits < end && char.IsAsciiDigit(_text[digits]))
        {
            digits++;
        }

        if (digits > at && digits + 1 < end && _text[digits] is '.' or ')' && _text[digits + 1] == ' ')
        {
            return digits + 2;
        }

        return at;
    }

    // `- [ X ] …`, `- [x]done`, `- [xx] …`: near-boxes GFM does not count, named under --explain.
    private void NoteNearBox(ParagraphBlock paragraph)
    {
        int at = paragraph.Span.Start;
        int end = Math.Min(_text.Length, paragraph.Span.End + 1);
        if (at + 2 >= end || _text[at] != '[')
        {
            return;
        }

        int close = _text.IndexOf(']', at + 1, Math.Min(6, end - at - 1));
        if (close < 0)
        {
            return;
        }

        var inside = _text.AsSpan(at + 1, close - at - 1);
        bool boxLike = inside.Length == 0 || (inside.Length <= 4 && inside.Trim().Length <= 1 && (inside.Trim().IsEmpty || inside.Trim()[0] is 'x' or 'X' or ' ' || TaskBoxes.IsMarker(inside.Trim()[0])));
        bool glued = inside.Length == 1 && TaskBoxes.IsMarker(inside[0]) && close + 1 < end && _text[close + 1] is not (' ' or '\t' or '\n' or '\r');
        if ((boxLike && inside.Length != 1) || glued)
        {
            var line = _source.Lines.LineSpan(_text, _source.Lines.LineIndexOf(at));
            string shown = _text[at..Math.Min(line.End, at + 40)];
            _notes.Add(new ReaderNote(
                glued
                    ? $"'{shown}' is not a task box in GFM (a box is followed by a space), so it is not counted"
                    : $"'{shown}' is not a task box in GFM (a box is '[ ]', '[x]' or '[X]', one character inside), so it is not counted",
                TextSpan.FromBounds(at, line.End), _source.PositionOf(at)));
        }
    }

    private int FirstLineEnd(TextSpan span)
    {
        int end = _text.IndexOf('\n', span.Start, span.Length);
        return end < 0 ? span.End : end;
    }

    private ItemBuilder NewItem(ItemKind kind, int start, int end, Checkbox box, string text, TextSpan textSpan)
    {
        string meant = _encoding.Repair(text);
        var id = IdTokens.AtStart(meant);
        string title = text;
        var titleSpan = textSpan;
        int cut = id is null ? -1 : IdTokens.TitleStart(text, id.Groups["id"].Value);
        if (cut >= 0)
        {
            title = text[cut..];
            titleSpan = FindTitle(title, textSpan, cut);
        }

        return new ItemBuilder
        {
            Kind = kind,
            Id = id?.Groups["id"].Value,
            Title = title,
            MeantTitle = _encoding.Repair(title),
            TitleSpan = titleSpan,
            Position = _source.PositionOf(start),
            Start = start,
            End = end,
            Section = CurrentSection,
            Box = box,
        };
    }
}
