using System.Runtime.CompilerServices;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading.Org;

/// <summary>A statistics cookie of an Org file and what Org would count for it.</summary>
internal sealed record OrgCookie(TextSpan Span, int Done, int Total, string Basis, string Of)
{
    /// <summary>What the cookie should read, written as it is written (a fraction or a percentage).</summary>
    public string Truth(string existing) => OrgCookies.Format(existing, Done, Total);
}

/// <summary>
/// Org's statistics cookies counted by Org's own rules, so that a cookie Punchlist keeps true is the
/// cookie Emacs would write (`org-update-checkbox-count`, `org-update-parent-todo-statistics`):
/// <list type="bullet">
/// <item>in a headline, the boxes of the top-level list items of its own section (all of its boxes with
/// `:COOKIE_DATA: recursive`); when the section has no box, or `:COOKIE_DATA:` says `todo`, the
/// direct child entries with a TODO keyword (all descendants with `recursive`), done when their
/// keyword is a done keyword;</item>
/// <item>in a list item, the boxes of its direct children;</item>
/// <item>in other text of a section, the boxes of the section's top-level items.</item>
/// </list>
/// A box counts as done only ticked (`[X]`; `[-]` is open), and a done keyword counts whatever state
/// it means (`CANCELLED` too), as in Org. A cookie with nothing under it to count is left alone.
/// </summary>
internal static class OrgCookies
{
    private static readonly ConditionalWeakTable<TrackerDocument, IReadOnlyList<OrgCookie>> Counted = new();

    /// <summary>The cookies of an Org document with their counts; none for Markdown.</summary>
    public static IReadOnlyList<OrgCookie> Of(TrackerDocument document) =>
        document.Format != DocumentFormat.Org
            ? []
            : Counted.GetValue(document, d => Count(OrgScanner.Scan(d.Source, StatusVocabulary.Default), d.Source.Text));

    /// <summary>True for a cookie that states a count (`[2/5]`, `[40%]`); `[/]` and `[%]` only ask for one.</summary>
    public static bool States(string cookie) =>
        cookie.Length > 3 && (cookie[^2] == '%' ? char.IsAsciiDigit(cookie[1]) : char.IsAsciiDigit(cookie[1]) && char.IsAsciiDigit(cookie[^2]));

    /// <summary>org-format-percent-cookie: rounded down, except that a start (under 1%) shows as 1%.</summary>
    public static string Format(string existing, int done, int total)
    {
        if (!existing.Contains('%', StringComparison.Ordinal))
        {
            return $"[{done}/{total}]";
        }

        int percent = 100 * done / Math.Max(1, total);
        return $"[{(percent == 0 && done > 0 ? 1 : percent)}%]";
    }

    private static List<OrgCookie> Count(OrgOutline outline, string text)
    {
        var children = new Dictionary<OrgListItem, List<OrgListItem>>();
        var sections = new Dictionary<OrgEntry, List<OrgListItem>>();
        foreach (var item in outline.Items)
        {
            if (item.Parent is not null)
            {
                Add(children, item.Parent, item);
            }

            if (item.Entry is not null && item.Box is not null)
            {
                Add(sections, item.Entry, item);
            }
        }

        var cookies = new List<OrgCookie>();
        foreach (var entry in outline.Entries.Where(e => !e.Hidden))
        {
            var spans = OrgInline.Cookies(text, entry.Headline.TitleSpan);
            if (spans.Count > 0 && ForHeadline(entry, sections) is { } counted)
            {
                string of = entry.Headline.Title(text);
                cookies.AddRange(spans.Select(span => new OrgCookie(span, counted.Done, counted.Total, counted.Basis, of)));
            }
        }

        foreach (var line in outline.TextLines.Where(l => l.Entry is not { Hidden: true }))
        {
            // On an item's first line, cookies are looked for after the bullet and the box.
            var where = line.Item is { } first && line.Span.Start == first.Start ? TextSpan.FromBounds(Math.Clamp(first.TextSpan.Start, line.Span.Start, line.Span.End), line.Span.End) : line.Span;
            var spans = OrgInline.Cookies(text, where);
            if (spans.Count == 0)
            {
                continue;
            }

            var counted = line.Item is { } item
                ? Boxes(Under(children, item, Recursive(item.Entry)))
                : line.Entry is { } entry ? Boxes(TopBoxes(sections, entry)) : null;
            if (counted is { } c)
            {
                string of = line.Item is null ? text.Substring(line.Span.Start, line.Span.Length).Trim() : OrgInline.Plain(text, line.Item.TextSpan);
                cookies.AddRange(spans.Select(span => new OrgCookie(span, c.Done, c.Total, c.Basis, of)));
            }
        }

        cookies.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return cookies;
    }

    private static (int Done, int Total, string Basis)? ForHeadline(OrgEntry entry, Dictionary<OrgEntry, List<OrgListItem>> sections)
    {
        string data = entry.Property("COOKIE_DATA")?.ToLowerInvariant() ?? string.Empty;
        bool recursive = HasWord(data, "recursive");
        var boxes = recursive ? sections.GetValueOrDefault(entry) ?? [] : TopBoxes(sections, entry);
        if (boxes.Count > 0 && !HasWord(data, "todo"))
        {
            return Boxes(boxes);
        }

        if (HasWord(data, "checkbox") || entry.Children.Count == 0)
        {
            return null;
        }

        int done = 0, total = 0;
        foreach (var child in recursive ? Descendants(entry) : entry.Children)
        {
            if (child.Headline.Keyword is { } keyword)
            {
                total++;
                done += keyword.IsDone ? 1 : 0;
            }
        }

        return (done, total, "entries");
    }

    private static (int Done, int Total, string Basis)? Boxes(List<OrgListItem> boxes) =>
        boxes.Count == 0 ? null : (boxes.Count(b => b.Box is 'X' or 'x'), boxes.Count, "boxes");

    private static List<OrgListItem> TopBoxes(Dictionary<OrgEntry, List<OrgListItem>> sections, OrgEntry entry) =>
        sections.TryGetValue(entry, out var boxes) ? boxes.Where(b => b.Parent is null).ToList() : [];

    // The boxed items directly under an item, or at any depth (through plain items too) when recursive.
    private static List<OrgListItem> Under(Dictionary<OrgListItem, List<OrgListItem>> children, OrgListItem item, bool recursive)
    {
        var boxes = new List<OrgListItem>();
        var stack = new Stack<OrgListItem>(children.GetValueOrDefault(item) ?? []);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (next.Box is not null)
            {
                boxes.Add(next);
            }

            if (recursive)
            {
                foreach (var child in children.GetValueOrDefault(next) ?? [])
                {
                    stack.Push(child);
                }
            }
        }

        return boxes;
    }

    private static IEnumerable<OrgEntry> Descendants(OrgEntry entry)
    {
        var stack = new Stack<OrgEntry>(entry.Children);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            yield return next;
            foreach (var child in next.Children)
            {
                stack.Push(child);
            }
        }
    }

    private static bool Recursive(OrgEntry? entry) => HasWord(entry?.Property("COOKIE_DATA")?.ToLowerInvariant() ?? string.Empty, "recursive");

    private static bool HasWord(string text, string word) =>
        text.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries).Contains(word, StringComparer.Ordinal);

    private static void Add<TKey>(Dictionary<TKey, List<OrgListItem>> map, TKey key, OrgListItem item)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(item);
    }
}
