using Punchlist.Analysis;
using Punchlist.Analysis.Findings;
using Punchlist.Search;
using Punchlist.Server.Data;

namespace Punchlist.Server.Pages;

/// <summary>The overview: true progress, what is late and whose, false claims, SLAs, reviews and evidence, the burn-up and forecast.</summary>
public sealed record OverviewModel(
    LayoutModel Layout,
    ItemCounts Items,
    Fraction Criteria,
    IReadOnlyList<(string Name, TierCount Count)> ByPriority,
    int LateCount,
    CheckCounts Checks,
    IReadOnlyList<TrackerRow> Trackers,
    int TrackerCount,
    IReadOnlyList<OwnerLate> Late,
    int LateTotal,
    FindingList Claims,
    FindingList Sla,
    FindingList Reviews,
    IReadOnlyList<ContradictedItem> Contradicted,
    AnalysisState Analysis,
    BurnUpModel History)
{
    /// <summary>How many late items the overview lists; the items page has the rest.</summary>
    public const int LateShown = 200;

    /// <summary>How many trackers the overview lists (the least done first); the trackers page has them all.</summary>
    public const int TrackersShown = 25;

    public static async Task<OverviewModel> BuildAsync(WorkspaceSnapshot snapshot, WorkspaceAnalysis analysis, HistoryView? history, IWorkspaceStore store, LayoutModel layout)
    {
        var sum = ItemCounts.None;
        int checkboxes = 0, criteriaTotal = 0, criteriaChecked = 0, lateCount = 0;
        var tiers = new TierCount[Grouping.PriorityNames.Count];
        var checks = CheckCounts.None;
        foreach (var d in snapshot.Documents)
        {
            var c = d.Items;
            sum = new ItemCounts(sum.Total + c.Total, sum.Open + c.Open, sum.InProgress + c.InProgress, sum.Done + c.Done, sum.Blocked + c.Blocked, sum.Cancelled + c.Cancelled);
            checkboxes += d.CheckboxesTotal;
            criteriaTotal += d.CriteriaTotal;
            criteriaChecked += d.CriteriaChecked;
            lateCount += Lateness.Count(d, snapshot.ChecksOf(d.Path).PastSla, snapshot.Today);
            checks = checks.Add(snapshot.ChecksOf(d.Path));
            for (int i = 0; i < tiers.Length; i++)
            {
                tiers[i] = new TierCount(tiers[i].Total + d.ByPriority[i].Total, tiers[i].Done + d.ByPriority[i].Done);
            }
        }

        // Least done first, then most late, then by path: where attention is needed.
        var trackers = snapshot.Documents
            .Select(d => TrackerRow.Of(d, snapshot))
            .OrderBy(t => t.Progress.Percent ?? 101).ThenByDescending(t => t.Late).ThenBy(t => t.Path, StringComparer.Ordinal)
            .Take(TrackersShown)
            .ToList();

        // Late as `punch status` counts it (Lateness): the overdue items, then those past their SLA alone.
        var late = await store.SearchAsync(Query.Parse("is:overdue sort:due", store.QueryContext(snapshot.Today)), 0, LateShown);
        var pastSla = snapshot.Documents
            .SelectMany(d => snapshot.ChecksOf(d.Path).PastSla.Where(b => Lateness.Of(b, snapshot.Today) is { IsLate: true, DaysOverdue: null }).Select(b => LateItem.Of(d.Path, b, snapshot.Today)))
            .ToList();
        var byOwner = late.Hits.Select(h => (h.Item.Owner, Item: LateItem.Of(h.Document, h.Item, snapshot.Today)))
            .Concat(pastSla.Take(Math.Max(0, LateShown - late.Hits.Count)))
            .GroupBy(h => h.Owner ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .Select(g => new OwnerLate(g.Key.Length == 0 ? null : g.First().Owner, g.Select(h => h.Item).ToList()))
            .OrderBy(o => o.Owner is null).ThenByDescending(o => o.Items.Count).ThenBy(o => o.Owner, StringComparer.OrdinalIgnoreCase)
            .ToList();

        bool current = analysis.Version == snapshot.Version;
        return new OverviewModel(
            layout,
            sum,
            new Fraction(criteriaChecked, criteriaTotal),
            [.. Grouping.PriorityNames.Select((name, i) => (name, tiers[i]))],
            lateCount,
            checks,
            trackers,
            snapshot.Documents.Count,
            byOwner,
            late.Total + pastSla.Count,
            FindingList.Of(analysis, "PL001"),
            FindingList.Of(analysis, "PL004"),
            FindingList.Of(analysis, "PL005"),
            analysis.Contradicted.Take(FindingList.Limit).ToList(),
            new AnalysisState(analysis.Version, current, analysis.Version == 0),
            BurnUpModel.Of(history));
    }
}

/// <summary>A tracker's line in a table: its progress, state counts, late items and findings.</summary>
/// <param name="Late">Items past their due date or their SLA (<see cref="Lateness"/>), each once.</param>
public sealed record TrackerRow(string Path, string? Title, ItemCounts Items, Fraction Progress, Fraction Criteria, int Late, CheckCounts Checks)
{
    public static TrackerRow Of(DocumentSummary d, WorkspaceSnapshot snapshot) =>
        new(d.Path, d.Title, d.Items, d.Items.Progress, new Fraction(d.CriteriaChecked, d.CriteriaTotal), Lateness.Count(d, snapshot.ChecksOf(d.Path).PastSla, snapshot.Today), snapshot.ChecksOf(d.Path));
}

/// <summary>One owner's late items (no owner: <c>null</c>, listed last).</summary>
public sealed record OwnerLate(string? Owner, IReadOnlyList<LateItem> Items);

/// <param name="Due">The due date that passed; null for an item late only by its SLA.</param>
public sealed record LateItem(string Address, string Title, string? Priority, DateOnly? Due, int DaysLate, string State)
{
    public static LateItem Of(string document, ItemRecord item, DateOnly today) =>
        new($"{document}#{item.Key}", item.Title, item.Priority?.Name, item.Due!.Value, today.DayNumber - item.Due.Value.DayNumber, Model.ItemStates.Name(item.State));

    public static (string? Owner, LateItem Item) Of(string document, SlaBreach breach, DateOnly today) =>
        (breach.Owner, new($"{document}#{breach.Key}", breach.Title, breach.Priority, null, Lateness.Of(breach, today).DaysPastSla ?? 0, Model.ItemStates.Name(breach.State)));
}

/// <summary>The first findings of one code, and how many there are.</summary>
public sealed record FindingList(IReadOnlyList<Finding> Items, int Total)
{
    public const int Limit = 20;

    public static FindingList Of(WorkspaceAnalysis analysis, string code)
    {
        var all = analysis.Findings.Where(f => f.Code == code).ToList();
        return new FindingList(all.Take(Limit).ToList(), all.Count);
    }
}

/// <summary>Which check the finding lists come from: the current scan's, an earlier one (a newer is running), or none yet.</summary>
public sealed record AnalysisState(long Version, bool Current, bool Pending);
