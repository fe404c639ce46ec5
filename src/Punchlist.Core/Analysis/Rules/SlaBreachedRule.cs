using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;

namespace Punchlist.Analysis.Rules;

/// <summary>
/// PL004: an open item older than its priority's SLA. The clock starts at the item's own created date,
/// else the first commit that contained it, else the document's `Generated`/`created`/`Last Updated`
/// date. A deadline counts as missed from the day after it.
/// </summary>
internal sealed class SlaBreachedRule : IFindingRule
{
    public static readonly RuleInfo Rule = new("PL004", "sla-breached", Severity.Error,
        "An open item has been open longer than its priority's SLA.",
        "The document (an SLA table such as `| P0 | 24 hours |`, or a heading such as `(Complete within 2 weeks)`) or `sla:` in punchlist.yml gives each priority a time to finish. The clock starts at the item's `Created` date, else the commit that added it, else the document's `Generated`/`Last Updated` date.");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        var document = context.Document;
        var items = document.Items.Where(i => i.Priority is not null && !i.State.IsClosed()).ToList();
        if (items.Count == 0)
        {
            yield break;
        }

        var slas = SlaPolicy.For(document, context.Policy);
        if (slas.Count == 0)
        {
            yield break;
        }

        var documentDate = DocumentDate(document);
        foreach (var item in items)
        {
            if (!slas.TryGetValue(item.Priority!.Name, out var sla))
            {
                continue;
            }

            var (start, from) = Start(context, item, documentDate);
            if (start is null)
            {
                continue;
            }

            var deadline = sla.Duration.After(start.Value);
            if (DateOnly.FromDateTime(deadline) >= context.Today)
            {
                continue;
            }

            int late = context.Today.DayNumber - DateOnly.FromDateTime(deadline).DayNumber;
            yield return context.Report(Rule, item.TitleSpan.IsEmpty ? item.Span : item.TitleSpan,
                $"{item.Priority.Name} SLA is {sla.Duration.Text} (from {sla.Source}); '{item.Title}' is {item.State.Name()} since {start:yyyy-MM-dd} ({from}), {late} {(late == 1 ? "day" : "days")} past {deadline:yyyy-MM-dd}",
                item) with
            {
                Declared = sla.Duration.Text,
                Actual = $"{context.Today.DayNumber - DateOnly.FromDateTime(start.Value).DayNumber} days open",
                Deadline = DateOnly.FromDateTime(deadline),
            };
        }
    }

    private static (DateTime? Start, string From) Start(RuleContext context, Item item, (DateOnly Date, string Field)? documentDate)
    {
        if (item.Created is { } created)
        {
            return (created.Date.ToDateTime(TimeOnly.MinValue), "its Created date");
        }

        if (context.Clock.CreatedAt(context.Document, item) is { } committed)
        {
            return (committed, "first commit");
        }

        return documentDate is { } d ? (d.Date.ToDateTime(TimeOnly.MinValue), $"the document's {d.Field}") : (null, string.Empty);
    }

    private static (DateOnly, string)? DocumentDate(TrackerDocument document)
    {
        foreach (var kind in new[] { FieldKind.Created, FieldKind.LastUpdated })
        {
            foreach (var field in document.Metadata.Where(f => f.Kind == kind))
            {
                if (ValueParsers.ParseDate(field.Value, field.ValueSpan) is { } date)
                {
                    return (date.Date, $"{field.Key}: {field.Value}");
                }
            }
        }

        return null;
    }
}
