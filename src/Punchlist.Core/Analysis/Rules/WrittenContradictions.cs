using System.Text.RegularExpressions;
using Punchlist.Analysis.Findings;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Analysis.Rules;

/// <summary>
/// PL002 wherever a contradiction is written, not only in `**Status:**` fields:
/// <list type="bullet">
/// <item>a ticked box whose text says it is not done: `- [x] ❌ PENDING: Configure DB`, `[x] ⚠️ PARTIAL …`;</item>
/// <item>a heading that declares its section done (`## Phase 0 ✅ COMPLETED`) over items that are not;</item>
/// <item>a line that says all of a group is done (`**Status:** All phases done`, `- ✅ All P0 complete`,
/// a heading `All tasks complete ✅`) while items of that group are not.</item>
/// </list>
/// Each pass is linear in the document's items and sections: items are in document order, so the
/// items under a heading are found by binary search on their offsets.
/// </summary>
internal static partial class WrittenContradictions
{
    public static IEnumerable<Finding> Check(RuleContext context, RuleInfo rule)
    {
        var document = context.Document;
        foreach (var finding in TickedButSaysOtherwise(context, rule))
        {
            yield return finding;
        }

        if (document.Sections.Count == 0 || document.Items.Count == 0)
        {
            yield break;
        }

        var starts = document.Items.Select(i => i.Span.Start).ToArray();
        foreach (var section in document.Sections)
        {
            if (section.Declared is { State: ItemState.Done } declared && section.Card is null)
            {
                var open = ItemsIn(document, starts, section.Extent).Where(i => !i.State.IsClosed()).ToList();
                int all = ItemsIn(document, starts, section.Extent).Count(i => i.State != ItemState.Cancelled);
                if (open.Count > 0)
                {
                    yield return context.Report(rule, declared.Span,
                        $"heading '{section.Title}' declares '{declared.Raw}' but {open.Count} of {all} items under it are not done (first: '{Short(open[0].Title)}', line {open[0].Position.Line})") with
                    {
                        Declared = declared.Raw,
                        Actual = $"{all - open.Count}/{all} items done",
                        Basis = "items",
                    };
                }
            }
        }

        foreach (var (text, span, scope, owner) in AllDoneLines(document))
        {
            if (AllDone().Match(text) is not { Success: true } match || Group(document, starts, match.Groups["group"].Value, scope, owner) is not { } group)
            {
                continue;
            }

            var open = group.Items.Where(i => !i.State.IsClosed()).ToList();
            if (open.Count > 0)
            {
                int all = group.Items.Count(i => i.State != ItemState.Cancelled);
                yield return context.Report(rule, span,
                    $"'{Short(match.Value.Trim())}' but {open.Count} of {all} {group.Name} are not done (first: '{Short(open[0].Title)}', line {open[0].Position.Line})", owner) with
                {
                    Declared = match.Value.Trim(),
                    Actual = $"{all - open.Count}/{all} {group.Name} done",
                    Basis = "items",
                };
            }
        }
    }

    // `- [x] ❌ PENDING: Configure DB`: the box says done, its own words say otherwise.
    private static IEnumerable<Finding> TickedButSaysOtherwise(RuleContext context, RuleInfo rule)
    {
        foreach (var item in context.Document.Items)
        {
            if (item.Box is { IsChecked: true, Style: BoxStyle.Task or BoxStyle.Loose } box && Says(item.Title) is { } said)
            {
                yield return Ticked(context, rule, box, item.Title, said, item);
            }

            foreach (var criterion in item.Criteria)
            {
                if (criterion is { IsChecked: true, Style: BoxStyle.Task or BoxStyle.Loose } && Says(criterion.Text) is { } saidOf)
                {
                    yield return Ticked(context, rule, criterion, criterion.Text, saidOf, item);
                }
            }
        }
    }

    private static Finding Ticked(RuleContext context, RuleInfo rule, Checkbox box, string text, (string Words, ItemState State) said, Item item) =>
        context.Report(rule, TextSpan.FromBounds(box.MarkerSpan.Start, Math.Max(box.MarkerSpan.End, box.TextSpan.Start + said.Words.Length)),
            $"'{Short(text)}' is ticked but says '{said.Words}' ({said.State.Name()})", item) with
        {
            Declared = "done",
            Actual = said.Words,
            Basis = "box",
        };

    // The state a box's text opens with, when it is not done: `❌ PENDING`, `⚠️ PARTIAL:`, `TODO -`, `🔄`.
    private static (string Words, ItemState State)? Says(string text)
    {
        var marker = StateMarkers.At(text);
        int at = marker?.Length ?? 0;
        while (at < text.Length && text[at] is ' ' or '*' or '_')
        {
            at++;
        }

        int end = at;
        while (end < text.Length && text[end] is not (':' or '-' or '—' or '–' or '(') && end - at < 24)
        {
            end++;
        }

        var phrase = end > at ? StatusVocabulary.Default.Exact(text[at..end]) : null;
        var state = phrase ?? (marker?.Definite == true ? marker.Value.State : null);
        if (state is null or ItemState.Done or ItemState.Cancelled)
        {
            return null;
        }

        string words = text[..(phrase is null ? marker!.Value.Length : end)].Trim();
        return (words, state.Value);
    }

    // Where a line may say all of something is done: status fields of the document and of items,
    // headings, and the titles of done marks. Goal lists (`- ✅ All P0 complete` before launch) are not
    // marks, so they are not read here.
    private static IEnumerable<(string Text, TextSpan Span, TextSpan Scope, Item? Owner)> AllDoneLines(TrackerDocument document)
    {
        var whole = new TextSpan(0, document.Source.Text.Length);
        foreach (var field in document.Metadata)
        {
            if (field.Kind == FieldKind.Status && field.HasValue && MaySayAll(field.Value))
            {
                // A status line under a heading speaks for that section; under the title, for the document.
                var section = Innermost(document, field.ValueSpan.Start);
                var scope = section is null || (section.Index == 0 && section.Level == 1) ? whole : section.Extent;
                yield return (document.Encoding.Repair(field.Value), field.ValueSpan, scope, null);
            }
        }

        foreach (var section in document.Sections)
        {
            if (MaySayAll(section.Title))
            {
                yield return (section.Title, section.TitleSpan, section.Extent, section.Card);
            }
        }

        foreach (var item in document.Items)
        {
            if (item.Kind == ItemKind.Mark && item.State == ItemState.Done && MaySayAll(item.Title))
            {
                yield return (item.Title, item.TitleSpan, item.Section?.Extent ?? whole, item);
            }

            if (item.Status is { } status && MaySayAll(status.Raw))
            {
                yield return (document.Encoding.Repair(status.Raw), status.Span, item.Span, item);
            }
        }
    }

    private static Section? Innermost(TrackerDocument document, int offset)
    {
        Section? found = null;
        foreach (var section in document.Sections)
        {
            if (section.HeadingSpan.Start > offset)
            {
                break;
            }

            if (section.Extent.Contains(offset))
            {
                found = section;
            }
        }

        return found;
    }

    private static bool MaySayAll(string text) => text.Contains("all", StringComparison.OrdinalIgnoreCase);

    private sealed record NamedGroup(string Name, List<Item> Items);

    // What `All … done` names: a priority tier (`All P0`), phases or milestones (sections so named), or
    // the work of the scope the line stands in (`All tasks`, `All items`, `All work`).
    private static NamedGroup? Group(TrackerDocument document, int[] starts, string words, TextSpan scope, Item? owner)
    {
        string folded = TextFold.Words(words);
        if (PriorityVocabulary.FromSection(words) is { } priority && !PriorityVocabulary.IsPhase(words))
        {
            return new NamedGroup($"{priority.Name} items", document.Items.Where(i => i != owner && i.Priority?.Rank == priority.Rank).ToList());
        }

        var last = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (last is "phases" or "phase" or "milestones" or "milestone" or "stages" or "stage" or "sprints" or "sprint")
        {
            string stem = last.TrimEnd('s');
            var items = new List<Item>();
            foreach (var section in document.Sections.Where(s => TextFold.Words(s.Title).StartsWith(stem, StringComparison.Ordinal)))
            {
                items.AddRange(ItemsIn(document, starts, section.Extent).Where(i => i != owner && !items.Contains(i)));
            }

            return items.Count > 0 ? new NamedGroup($"items of the {last}", items) : null;
        }

        if (last is "tasks" or "task" or "items" or "item" or "todos" or "work" or "features" or "stories" or "tickets" or "issues" or "deliverables"
            && folded.Split(' ').Length <= 3)
        {
            var items = ItemsIn(document, starts, scope).Where(i => i != owner).ToList();
            return items.Count > 0 ? new NamedGroup(last == "work" ? "items" : last.EndsWith('s') ? last : last + "s", items) : null;
        }

        return null;
    }

    private static List<Item> ItemsIn(TrackerDocument document, int[] starts, TextSpan extent)
    {
        int from = Array.BinarySearch(starts, extent.Start);
        from = from < 0 ? ~from : from;
        while (from > 0 && starts[from - 1] == extent.Start)
        {
            from--;
        }

        var items = new List<Item>();
        for (int i = from; i < starts.Length && starts[i] < extent.End; i++)
        {
            items.Add(document.Items[i]);
        }

        return items;
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";

    // `All phases done`, `all P0 items are complete`, `All tasks have been completed`.
    [GeneratedRegex(@"\ball\s+(?:the\s+|of\s+the\s+)?(?<group>[\p{L}\p{N}][\p{L}\p{N} +/&-]{0,40}?)\s+(?:are\s+|is\s+|have\s+been\s+|were\s+|now\s+)?(?:done|complete|completed|finished|shipped|implemented|resolved|closed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllDone();
}
