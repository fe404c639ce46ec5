using Punchlist.Analysis.Findings;
using Punchlist.Model;

namespace Punchlist.Analysis;

/// <summary>
/// An item open past its priority's SLA, as PL004 found it: what `status`, `list`, `show` and the
/// server need to call it late, and to say whose it is, without checking its document again (the
/// index keeps these with each document's check counts).
/// </summary>
/// <param name="Ordinal">The item's place among its document's items (as in <see cref="DocumentFacts.Items"/>).</param>
/// <param name="Deadline">The last day the SLA allowed; the item is late from the day after.</param>
public sealed record SlaBreach(int Ordinal, string Key, string Title, string? Priority, ItemState State, string? Owner, DateOnly? Due, DateOnly Deadline);

/// <summary>
/// Whether an item is late, and by how many days: the one definition of "late" that every command,
/// the JSON and the server use. An item is late when it is open (neither done nor cancelled) and
/// its due date has passed (overdue: PL003's condition) or it has been open longer than its
/// priority's SLA (PL004) — one late item, whichever the reasons.
/// </summary>
public readonly record struct Lateness(int? DaysOverdue, int? DaysPastSla)
{
    public bool IsLate => DaysOverdue is not null || DaysPastSla is not null;

    /// <param name="slaDeadline">The last day its SLA allowed, when PL004 found it past it.</param>
    public static Lateness Of(DateOnly? due, ItemState state, DateOnly? slaDeadline, DateOnly today) => state.IsClosed()
        ? default
        : new(
            Dates.IsOverdue(due, state, today) ? today.DayNumber - due!.Value.DayNumber : null,
            slaDeadline is { } deadline && deadline < today ? today.DayNumber - deadline.DayNumber : null);

    public static Lateness Of(ItemFacts item, SlaBreach? breach, DateOnly today) => Of(item.Due, item.State, breach?.Deadline, today);

    public static Lateness Of(SlaBreach breach, DateOnly today) => Of(breach.Due, breach.State, breach.Deadline, today);

    /// <summary>A document's late items: those past their due date (from its summary) and those past their SLA only.</summary>
    public static int Count(DocumentSummary summary, IReadOnlyList<SlaBreach> pastSla, DateOnly today)
    {
        int slaOnly = 0;
        foreach (var breach in pastSla)
        {
            slaOnly += Of(breach, today) is { IsLate: true, DaysOverdue: null } ? 1 : 0;
        }

        return summary.Overdue(today) + slaOnly;
    }

    /// <summary>
    /// Every late item of <paramref name="documents"/>, each once, in document order, with its lateness
    /// (the SLA breaches come from each document's <see cref="CheckCounts.PastSla"/>).
    /// </summary>
    public static IEnumerable<(string Document, int Ordinal, ItemFacts Item, Lateness Late)> Items(IEnumerable<DocumentFacts> documents, IReadOnlyDictionary<string, CheckCounts> checks, DateOnly today)
    {
        foreach (var document in documents)
        {
            var pastSla = ByOrdinal(document.Items.Count, checks.GetValueOrDefault(document.Path)?.PastSla ?? []);
            for (int i = 0; i < document.Items.Count; i++)
            {
                var item = document.Items[i];
                var late = Of(item, pastSla?[i], today);
                if (late.IsLate)
                {
                    yield return (document.Path, i, item, late);
                }
            }
        }
    }

    /// <summary>Whether each item of a document is past its SLA, by place (null: none is).</summary>
    public static SlaBreach?[]? ByOrdinal(int items, IReadOnlyList<SlaBreach> pastSla)
    {
        if (pastSla.Count == 0)
        {
            return null;
        }

        var result = new SlaBreach?[items];
        foreach (var breach in pastSla.Where(b => b.Ordinal < items))
        {
            result[breach.Ordinal] = breach;
        }

        return result;
    }
}
