namespace Punchlist.Json;

/// <summary>Many repositories' `punchlist.status/1` into the team server's shapes: totals are sums, nothing is counted anew.</summary>
public static class TeamMapping
{
    public static RepositoryJson Repository(string name, string commit, DateTimeOffset committedAt, string? branch, DateTimeOffset pushedAt, StatusJson status) =>
        Repository(name, commit, committedAt, branch, pushedAt, status.Totals);

    /// <summary>A repository from its head's totals alone: all the overview reads of a status.</summary>
    public static RepositoryJson Repository(string name, string commit, DateTimeOffset committedAt, string? branch, DateTimeOffset pushedAt, TotalsJson totals)
    {
        var tiers = totals.ByPriority;
        var p0 = tiers.GetValueOrDefault("P0") ?? new PriorityCountJson(0, 0);
        var p1 = tiers.GetValueOrDefault("P1") ?? new PriorityCountJson(0, 0);
        int? readiness = new Analysis.Fraction(p0.Done + p1.Done, p0.Total + p1.Total).Percent;
        return new RepositoryJson(name, commit, committedAt, branch, pushedAt, readiness, p0.Total - p0.Done, totals);
    }

    /// <summary>Least ready first: most open P0 items, then the lowest readiness (none counts as ready), then by name.</summary>
    public static IReadOnlyList<RepositoryJson> ByReadiness(IEnumerable<RepositoryJson> repositories) =>
        [.. repositories.OrderByDescending(r => r.OpenP0).ThenBy(r => r.Readiness ?? 101).ThenBy(r => r.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of the overview: the totals of every repository, the
    /// repositories of that page by readiness, and the attention list; <paramref name="link"/> makes a
    /// page's link from its number. Null when there is no such page.
    /// </summary>
    public static OverviewJson? Overview(DateOnly today, IReadOnlyList<RepositoryJson> repositories, IReadOnlyList<AttentionJson> attention, int page, int size, Func<int, string> link) =>
        Overview(today, Sum(repositories.Select(r => r.Totals)), ByReadiness(repositories), attention, page, size, link);

    /// <summary>Page <paramref name="page"/> of repositories already summed (<paramref name="totals"/>) and ordered by readiness; null when there is no such page.</summary>
    public static OverviewJson? Overview(DateOnly today, TotalsJson totals, IReadOnlyList<RepositoryJson> ordered, IReadOnlyList<AttentionJson> attention, int page, int size, Func<int, string> link)
    {
        int pages = PageCount(ordered.Count, size);
        if (page < 1 || page > pages)
        {
            return null;
        }

        var rows = ordered.Skip((page - 1) * size).Take(size).ToList();
        var where = new OverviewPageJson(page, pages, size, ordered.Count, page > 1 ? link(page - 1) : null, page < pages ? link(page + 1) : null);
        return new OverviewJson(OverviewJson.Version, JsonMapping.Date(today), totals, where, rows, attention);
    }

    /// <summary>How many pages of <paramref name="size"/> rows <paramref name="rows"/> rows fill: one at least, an empty one.</summary>
    public static int PageCount(int rows, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return Math.Max(1, (rows + size - 1) / size);
    }

    /// <summary>Totals added up field by field: what `punch status` would print for all the repositories' trackers at once.</summary>
    public static TotalsJson Sum(IEnumerable<TotalsJson> totals)
    {
        int documents = 0, overdue = 0, late = 0, pastSla = 0;
        var items = new StateCountsJson(0, 0, 0, 0, 0, 0);
        BoxCountJson boxes = new(0, 0), criteria = new(0, 0);
        var tiers = new Dictionary<string, PriorityCountJson>(StringComparer.Ordinal);
        var findings = new FindingCountsJson(0, 0, 0, 0);
        var verification = new VerificationJson(0, 0, 0, 0);
        foreach (var t in totals)
        {
            documents += t.Documents;
            overdue += t.Overdue;
            late += t.Late;
            pastSla += t.PastSla;
            items = new StateCountsJson(items.Total + t.Items.Total, items.Open + t.Items.Open, items.InProgress + t.Items.InProgress, items.Done + t.Items.Done, items.Blocked + t.Items.Blocked, items.Cancelled + t.Items.Cancelled);
            boxes = new BoxCountJson(boxes.Total + t.Checkboxes.Total, boxes.Checked + t.Checkboxes.Checked);
            criteria = new BoxCountJson(criteria.Total + t.Criteria.Total, criteria.Checked + t.Criteria.Checked);
            foreach (var (tier, count) in t.ByPriority)
            {
                var sum = tiers.GetValueOrDefault(tier) ?? new PriorityCountJson(0, 0);
                tiers[tier] = new PriorityCountJson(sum.Total + count.Total, sum.Done + count.Done);
            }

            findings = new FindingCountsJson(findings.Total + t.Findings.Total, findings.Error + t.Findings.Error, findings.Warning + t.Findings.Warning, findings.Note + t.Findings.Note);
            verification = new VerificationJson(verification.Done + t.Verification.Done, verification.Verified + t.Verification.Verified,
                verification.Contradicted + t.Verification.Contradicted, verification.Unknown + t.Verification.Unknown);
        }

        // Progress as status counts it (Core's rule): done items of the items not cancelled.
        var progress = JsonMapping.Progress(new Analysis.ItemCounts(items.Total, items.Open, items.InProgress, items.Done, items.Blocked, items.Cancelled));
        return new TotalsJson(documents, items, boxes, criteria, tiers, progress, overdue, late, findings, verification) { PastSla = pastSla };
    }
}
