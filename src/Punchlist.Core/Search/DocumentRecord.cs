using Punchlist.Analysis;
using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Analysis.Rules;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Search;

/// <summary>
/// A document as the index keeps it: the facts `punch status` needs, the records `punch list` and
/// `punch search` need, and when its items go stale. Everything here is independent of today, so a
/// cached record stays true until the file changes.
/// </summary>
public sealed record DocumentRecord(DocumentFacts Facts, bool IsTracker, DateOnly? ReviewDue, IReadOnlyList<ItemRecord> Items)
{
    // A card's prose can be long; past this the index keeps the start. Titles, criteria and fields are whole.
    internal const int MaxBody = 16 * 1024;

    public string Path => Facts.Path;

    /// <summary>The document's own ID (front matter `id:`), which other documents' `depends_on` may name.</summary>
    public string? PlanId { get; init; }

    /// <param name="policy">The workspace's review policy, for when a document's review falls due (`is:stale`); the default when null.</param>
    public static DocumentRecord Of(TrackerDocument document, CheckPolicy? policy = null)
    {
        var contradicted = Contradicted(document);
        var items = document.Items.Select((item, i) => Item(document, item, i, contradicted.Contains(item.Key))).ToList();
        return new DocumentRecord(DocumentFacts.Of(document), document.IsTracker, ReviewOverdueRule.DueDate(document, policy ?? CheckPolicy.Default), items) { PlanId = document.Id };
    }

    private static ItemRecord Item(TrackerDocument document, Item item, int ordinal, bool contradicted)
    {
        string fields = string.Join('\n', item.Fields.Where(f => f.HasValue).Select(f => f.Value));
        string body = Body(document, item);
        return new ItemRecord
        {
            Ordinal = ordinal,
            Key = item.Key,
            Id = item.Id,
            Kind = item.Kind,
            Title = item.Title,
            Line = item.Position.Line,
            Column = item.Position.Column,
            SectionPath = item.Section?.Path() ?? [],
            Priority = item.Priority,
            Status = item.Status?.Raw,
            State = item.State,
            CriteriaTotal = item.CriteriaTotal,
            CriteriaChecked = item.CriteriaChecked,
            Owner = item.Owner,
            Due = item.Due?.Date,
            Effort = item.Effort,
            Category = item.Category,
            DependsOn = item.DependsOn,
            References = item.References.Select(r => new ItemReference(r.Kind, r.Target, r.Role,
                r.Span.IsEmpty && r.Span.Start == 0 ? 0 : document.PositionOf(r.Span.Start).Line)).ToList(),
            Criteria = item.Criteria.Select((c, i) => new CriterionRecord(i + 1, c.Marker, c.State, c.IsChecked, c.Position.Line, c.Depth, c.Text)).ToList(),
            Fields = fields,
            Body = body,
            Tech = TechDictionary.Default.Find(item.Title, fields, body, string.Join('\n', item.Criteria.Select(c => c.Text))),
            Contradicted = contradicted,
        };
    }

    // The item's span without what is indexed on its own (title, criteria, fields): the prose around them.
    private static string Body(TrackerDocument document, Item item)
    {
        var cut = new List<TextSpan> { item.TitleSpan };
        cut.AddRange(item.Criteria.Select(c => c.ItemSpan));
        cut.AddRange(item.Fields.Select(f => TextSpan.FromBounds(Math.Min(f.KeySpan.Start, f.ValueSpan.Start), Math.Max(f.KeySpan.End, f.ValueSpan.End))));
        cut.Sort((a, b) => a.Start.CompareTo(b.Start));
        string text = document.Source.Text;
        var body = new System.Text.StringBuilder();
        int at = item.Span.Start;
        foreach (var span in cut)
        {
            if (span.Start > at)
            {
                body.Append(text, at, Math.Min(span.Start, item.Span.End) - at).Append(' ');
            }

            at = Math.Max(at, span.End);
            if (at >= item.Span.End || body.Length >= MaxBody)
            {
                break;
            }
        }

        if (at < item.Span.End && body.Length < MaxBody)
        {
            body.Append(text, at, item.Span.End - at);
        }

        string result = string.Join(' ', body.ToString().Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return result.Length > MaxBody ? result[..MaxBody] : result;
    }

    // The items PL002 reports on, judged exactly as `punch check` judges them.
    private static HashSet<string> Contradicted(TrackerDocument document)
    {
        if (!document.Items.Any(i => i.Status is not null || i.Box is { IsChecked: true }))
        {
            return [];
        }

        var context = new RuleContext
        {
            Document = document,
            Root = string.Empty,
            Today = DateOnly.MinValue,
            Policy = CheckPolicy.Default,
            Clock = NoHistory.Instance,
        };
        return new StatusContradictionRule().Check(context).Select(f => f.Item).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }
}
