using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;

namespace Punchlist.Analysis.Rules;

/// <summary>
/// PL005: the document's review is late — its `Next Review` date has passed, or (with no next review)
/// its last review or update is older than the cadence it states (`Review cadence: Monthly`, a note
/// such as `(Monthly)`), else than the workspace's (90 days by default). One finding per document.
/// </summary>
internal sealed class ReviewOverdueRule : IFindingRule
{
    public static readonly RuleInfo Rule = new("PL005", "review-overdue", Severity.Warning,
        "The document's review date has passed, or it has not been reviewed within its cadence.",
        "A tracker nobody reviews drifts. Review it and update `Next Review` / `last_reviewed` / `Last Updated`; the cadence comes from the document (`Review cadence: Monthly`) or `review:` in punchlist.yml (90 days by default).");

    public RuleInfo Info => Rule;

    /// <summary>
    /// The day the document's review falls due, as this rule judges it: its `Next Review`, else its
    /// last review or update plus its cadence (the workspace policy's when it states none). The index
    /// keeps it so that a document's check can be reused until that day.
    /// </summary>
    internal static DateOnly? DueDate(TrackerDocument document, CheckPolicy policy) =>
        Date(document, FieldKind.NextReview) is { } next ? next.Date.Date
        : LastReview(document) is { } last ? Cadence(document, last.Date, policy).After(last.Date.Date)
        : null;

    public IEnumerable<Finding> Check(RuleContext context)
    {
        var document = context.Document;
        var next = Date(document, FieldKind.NextReview);
        if (next is not null)
        {
            if (next.Value.Date.Date < context.Today)
            {
                int days = context.Today.DayNumber - next.Value.Date.Date.DayNumber;
                yield return context.Report(Rule, next.Value.Date.Span, $"the next review was due {next.Value.Date.Date:yyyy-MM-dd} ({days} days ago)") with
                {
                    Declared = next.Value.Field.Value,
                    Actual = $"today is {context.Today:yyyy-MM-dd}",
                };
            }

            yield break;
        }

        if (LastReview(document) is not { } last)
        {
            yield break;
        }

        var cadence = Cadence(document, last.Date, context.Policy);
        var due = cadence.After(last.Date.Date);
        if (due < context.Today)
        {
            int days = context.Today.DayNumber - due.DayNumber;
            yield return context.Report(Rule, last.Date.Span, $"last reviewed or updated {last.Date.Date:yyyy-MM-dd}; with a review cadence of {cadence.Text} the next review was due {due:yyyy-MM-dd} ({days} {(days == 1 ? "day" : "days")} ago)") with
            {
                Declared = last.Field.Value,
                Actual = $"review cadence {cadence.Text}",
            };
        }
    }

    // `Review Cadence: Weekly`, else a note on the date itself (`Last Reviewed: 2026-01-05 (Monthly)`),
    // else the workspace's.
    private static Duration Cadence(TrackerDocument document, DateValue last, CheckPolicy policy)
    {
        var stated = document.Field(FieldKind.ReviewCadence);
        if (stated is not null && Duration.Parse(stated.Value, policy.SprintDays) is { } own)
        {
            return own;
        }

        return last.Note is { } note && Duration.Parse(note, policy.SprintDays) is { } noted ? noted : policy.Review;
    }

    // The later of `Last Reviewed` and `Last Updated`.
    private static (DateValue Date, MetadataField Field)? LastReview(TrackerDocument document) =>
        new[] { Date(document, FieldKind.LastReviewed), Date(document, FieldKind.LastUpdated) }
            .Where(d => d is not null).OrderByDescending(d => d!.Value.Date.Date).FirstOrDefault();

    private static (DateValue Date, MetadataField Field)? Date(TrackerDocument document, FieldKind kind)
    {
        foreach (var field in document.Metadata.Where(f => f.Kind == kind))
        {
            if (ValueParsers.ParseDate(field.Value, field.ValueSpan) is { } date)
            {
                return (date, field);
            }
        }

        return null;
    }
}
