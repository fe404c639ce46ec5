using Punchlist.Model;

namespace Punchlist.Analysis;

/// <summary>A priority tier's count: items, and done items among them.</summary>
public readonly record struct TierCount(int Total, int Done);

/// <summary>
/// A document's <see cref="DocumentFacts"/> summed up: everything `punch status` prints for it, in
/// a few dozen bytes whatever its size. The only part that depends on the day, the overdue count,
/// is kept as the due dates of the items not yet closed, so any day's count is a binary search.
/// The index stores one per document so that a warm status never walks the items.
/// </summary>
/// <param name="ByPriority">Indexed like <see cref="Grouping.PriorityNames"/>: P0..P3, then none.</param>
/// <param name="OpenDue">The due dates of items neither done nor cancelled, in order.</param>
public sealed record DocumentSummary(
    string Path,
    string? Title,
    ItemCounts Items,
    int CheckboxesTotal,
    int CheckboxesChecked,
    int CriteriaTotal,
    int CriteriaChecked,
    IReadOnlyList<TierCount> ByPriority,
    IReadOnlyList<DateOnly> OpenDue)
{
    /// <summary>Items due before <paramref name="today"/> and neither done nor cancelled (as <see cref="Dates.IsOverdue(ItemFacts, DateOnly)"/>).</summary>
    public int Overdue(DateOnly today)
    {
        int low = 0, high = OpenDue.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (OpenDue[middle] < today)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    public static DocumentSummary Of(DocumentFacts facts)
    {
        int criteria = 0, checkedCriteria = 0;
        var tierTotal = new int[Grouping.PriorityNames.Count];
        var tierDone = new int[Grouping.PriorityNames.Count];
        var due = new List<DateOnly>();
        foreach (var item in facts.Items)
        {
            criteria += item.CriteriaTotal;
            checkedCriteria += item.CriteriaChecked;
            int tier = item.PriorityRank ?? Grouping.PriorityNames.Count - 1;
            tierTotal[tier]++;
            tierDone[tier] += item.State == ItemState.Done ? 1 : 0;
            if (item.Due is { } date && !item.State.IsClosed())
            {
                due.Add(date);
            }
        }

        due.Sort();
        return new DocumentSummary(
            facts.Path,
            facts.Title,
            ItemCounts.Of(facts.Items),
            facts.CheckboxesTotal,
            facts.CheckboxesChecked,
            criteria,
            checkedCriteria,
            [.. tierTotal.Select((total, i) => new TierCount(total, tierDone[i]))],
            due);
    }
}
