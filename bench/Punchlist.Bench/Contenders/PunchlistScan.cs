using Punchlist.Analysis;
using Punchlist.Model;
using Punchlist.Workspaces;

namespace Punchlist.Bench.Contenders;

/// <summary>
/// The whole reader — discover, read, prefilter, parse, derive — keeping per document only the sums
/// a status shows (items by state, boxes, criteria, items by priority, overdue items), as
/// `punch status` does.
/// </summary>
internal sealed class PunchlistScan : IContender
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    public string Name => "punchlist scan (sums kept)";

    public bool InProcess => true;

    public Outcome Run(string tree)
    {
        var scan = WorkspaceLoader.Scan([tree], Summary.Of);
        return scan.Results.Sum(s => (long)s.Boxes);
    }

    private sealed record Summary(ItemCounts Items, int Boxes, int Checked, Fraction Criteria, int[] ByPriority, int Overdue)
    {
        public static Summary Of(TrackerDocument document)
        {
            var byPriority = new int[Grouping.PriorityNames.Count];
            int criteriaChecked = 0, criteriaTotal = 0, overdue = 0;
            foreach (var item in document.Items)
            {
                byPriority[item.Priority?.Rank ?? PriorityInfo.Lowest + 1]++;
                criteriaChecked += item.CriteriaChecked;
                criteriaTotal += item.CriteriaTotal;
                overdue += Dates.IsOverdue(item, Today) ? 1 : 0;
            }

            return new Summary(ItemCounts.Of(document.Items), document.Checkboxes.Count, document.Checkboxes.Count(b => b.IsChecked),
                new Fraction(criteriaChecked, criteriaTotal), byPriority, overdue);
        }
    }
}
