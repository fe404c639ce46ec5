using Punchlist.Analysis;
using Punchlist.Analysis.Findings;

namespace Punchlist.Json;

/// <summary>`punchlist.status/1` from the index's per-document summaries and check counts: what `punch status --json` prints and `/api/v1/status` serves.</summary>
public static class StatusMapping
{
    /// <param name="facts">Every document's items, needed only to group them (<paramref name="by"/>).</param>
    public static StatusJson Build(IReadOnlyList<DocumentSummary> summaries, IReadOnlyList<DocumentFacts>? facts, IReadOnlyDictionary<string, CheckCounts> checks, GroupBy? by, DateOnly today)
    {
        // The totals add the documents up: no item is walked unless grouping asks for it. Plain loops:
        // this runs once per document of the workspace, in a process that has not compiled it yet.
        var documents = new List<DocumentStatusJson>(summaries.Count);
        var all = CheckCounts.None;
        var sum = ItemCounts.None;
        BoxCountJson boxes = new(0, 0), criteria = new(0, 0);
        int overdue = 0, late = 0, pastSla = 0;
        var tiers = new TierCount[Grouping.PriorityNames.Count];
        foreach (var summary in summaries)
        {
            var counts = checks.GetValueOrDefault(summary.Path, CheckCounts.None);
            var document = Document(summary, counts, today);
            documents.Add(document);
            all = all.Add(counts);
            var c = summary.Items;
            sum = new ItemCounts(sum.Total + c.Total, sum.Open + c.Open, sum.InProgress + c.InProgress, sum.Done + c.Done, sum.Blocked + c.Blocked, sum.Cancelled + c.Cancelled);
            boxes = new BoxCountJson(boxes.Total + document.Checkboxes.Total, boxes.Checked + document.Checkboxes.Checked);
            criteria = new BoxCountJson(criteria.Total + document.Criteria.Total, criteria.Checked + document.Criteria.Checked);
            overdue += document.Overdue;
            late += document.Late;
            pastSla += document.PastSla;
            for (int i = 0; i < tiers.Length; i++)
            {
                tiers[i] = new TierCount(tiers[i].Total + summary.ByPriority[i].Total, tiers[i].Done + summary.ByPriority[i].Done);
            }
        }

        var totals = new TotalsJson(documents.Count, JsonMapping.Counts(sum), boxes, criteria, ByPriority(tiers), JsonMapping.Progress(sum), overdue, late,
            FindingCountsJson.Of(all), VerificationJson.Of(all)) { PastSla = pastSla };
        var groups = by is null
            ? null
            : Grouping.Summarise((facts ?? throw new ArgumentNullException(nameof(facts))).SelectMany(d => WithPastSla(d, checks)), by.Value, today)
                .Select(g => new GroupJson(JsonMapping.Lower(by.Value.ToString()), GroupName(g.Name), JsonMapping.Counts(g.Items),
                    new BoxCountJson(g.Criteria.Total, g.Criteria.Done), JsonMapping.Progress(g.Items), g.Overdue) { Late = g.Late })
                .OrderBy(g => g.Name is null)
                .ToList();
        return new StatusJson(StatusJson.Version, JsonMapping.Date(today), documents, totals, groups);
    }

    // A document's items, each with its SLA breach when PL004 found one.
    private static IEnumerable<(string, ItemFacts, SlaBreach?)> WithPastSla(DocumentFacts document, IReadOnlyDictionary<string, CheckCounts> checks)
    {
        var pastSla = Lateness.ByOrdinal(document.Items.Count, checks.GetValueOrDefault(document.Path)?.PastSla ?? []);
        return document.Items.Select((item, i) => (document.Path, item, pastSla?[i]));
    }

    // Items with no owner or no section are a group whose name is null, listed last.
    private static string? GroupName(string name) => name is Grouping.NoOwner or Grouping.NoSection ? null : name;

    private static DocumentStatusJson Document(DocumentSummary document, CheckCounts checks, DateOnly today) => new(
        document.Path,
        document.Title,
        JsonMapping.Counts(document.Items),
        new BoxCountJson(document.CheckboxesTotal, document.CheckboxesChecked),
        new BoxCountJson(document.CriteriaTotal, document.CriteriaChecked),
        ByPriority(document.ByPriority),
        JsonMapping.Progress(document.Items),
        document.Overdue(today),
        Lateness.Count(document, checks.PastSla, today),
        FindingCountsJson.Of(checks),
        VerificationJson.Of(checks)) { PastSla = checks.PastSla.Count };

    // Tiers are indexed like Grouping.PriorityNames, and every name is written, empty or not.
    private static Dictionary<string, PriorityCountJson> ByPriority(IReadOnlyList<TierCount> tiers)
    {
        var result = new Dictionary<string, PriorityCountJson>(tiers.Count, StringComparer.Ordinal);
        for (int i = 0; i < tiers.Count; i++)
        {
            result[Grouping.PriorityNames[i]] = new PriorityCountJson(tiers[i].Total, tiers[i].Done);
        }

        return result;
    }
}
