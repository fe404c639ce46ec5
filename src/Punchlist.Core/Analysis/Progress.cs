using Punchlist.Model;

namespace Punchlist.Analysis;

/// <summary>A count of done things out of a total, always with the basis it was counted on.</summary>
public readonly record struct Fraction(int Done, int Total)
{
    /// <summary>Whole percent, rounded down so that 99.6% of the work is not shown as done; null for 0/0.</summary>
    public int? Percent => Total == 0 ? null : (int)Math.Floor(100.0 * Done / Total);

    public static Fraction operator +(Fraction a, Fraction b) => new(a.Done + b.Done, a.Total + b.Total);

    public override string ToString() => $"{Done}/{Total}";
}

/// <summary>Items by derived state.</summary>
public sealed record ItemCounts(int Total, int Open, int InProgress, int Done, int Blocked, int Cancelled)
{
    public static readonly ItemCounts None = new(0, 0, 0, 0, 0, 0);

    /// <summary>Done items out of items, cancelled items left out.</summary>
    public Fraction Progress => new(Done, Total - Cancelled);

    public static ItemCounts Of(IEnumerable<Item> items) => Of(items.Select(i => i.State));

    public static ItemCounts Of(IEnumerable<ItemFacts> items) => Of(items.Select(i => i.State));

    private static ItemCounts Of(IEnumerable<ItemState> states)
    {
        int open = 0, inProgress = 0, done = 0, blocked = 0, cancelled = 0;
        foreach (var state in states)
        {
            switch (state)
            {
                case ItemState.Open: open++; break;
                case ItemState.InProgress: inProgress++; break;
                case ItemState.Done: done++; break;
                case ItemState.Blocked: blocked++; break;
                default: cancelled++; break;
            }
        }

        return new ItemCounts(open + inProgress + done + blocked + cancelled, open, inProgress, done, blocked, cancelled);
    }
}

/// <summary>
/// What a group of items amounts to: items by state, their criteria, how many are past their due date
/// (overdue) and how many are late (<see cref="Lateness"/>: overdue or past their SLA).
/// </summary>
public sealed record GroupSummary(string Name, ItemCounts Items, Fraction Criteria, int Overdue, int Late)
{
    public static GroupSummary Of(string name, IReadOnlyCollection<Item> items, DateOnly today) =>
        Of(name, items.Select(i => (ItemFacts.Of(i), (SlaBreach?)null)).ToList(), today);

    /// <param name="items">Each item with its SLA breach, when PL004 found one.</param>
    public static GroupSummary Of(string name, IReadOnlyCollection<(ItemFacts Item, SlaBreach? PastSla)> items, DateOnly today) => new(
        name,
        ItemCounts.Of(items.Select(i => i.Item)),
        new Fraction(items.Sum(i => i.Item.CriteriaChecked), items.Sum(i => i.Item.CriteriaTotal)),
        items.Count(i => Dates.IsOverdue(i.Item, today)),
        items.Count(i => Lateness.Of(i.Item, i.PastSla, today).IsLate));
}

public static class Dates
{
    /// <summary>Due before today and not closed.</summary>
    public static bool IsOverdue(Item item, DateOnly today) => IsOverdue(item.Due?.Date, item.State, today);

    public static bool IsOverdue(ItemFacts item, DateOnly today) => IsOverdue(item.Due, item.State, today);

    public static bool IsOverdue(DateOnly? due, ItemState state, DateOnly today) => due is { } date && date < today && !state.IsClosed();
}
