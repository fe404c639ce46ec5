using Punchlist.Model;

namespace Punchlist.Analysis;

/// <summary>The dimensions a workspace's items can be summed up by.</summary>
public enum GroupBy
{
    Document,
    Priority,
    Section,
    Owner,
}

public static class Grouping
{
    public const string NoPriority = "none";
    public const string NoOwner = "(no owner)";
    public const string NoSection = "(no section)";

    public static readonly IReadOnlyList<string> PriorityNames = ["P0", "P1", "P2", "P3", NoPriority];

    public static string PriorityOf(Item item) => item.Priority?.Name ?? NoPriority;

    /// <summary>Groups in a stable order: priorities P0..P3 then none; documents, sections and owners as they first appear.</summary>
    public static List<GroupSummary> Summarise(IEnumerable<(TrackerDocument Document, Item Item)> items, GroupBy by, DateOnly today) =>
        Summarise(items.Select(m => (m.Document.Path, ItemFacts.Of(m.Item), (SlaBreach?)null)), by, today);

    /// <param name="items">Each item with its document and its SLA breach, when PL004 found one (see <see cref="Lateness"/>).</param>
    public static List<GroupSummary> Summarise(IEnumerable<(string Document, ItemFacts Item, SlaBreach? PastSla)> items, GroupBy by, DateOnly today)
    {
        var groups = new Dictionary<string, List<(ItemFacts, SlaBreach?)>>(StringComparer.Ordinal);
        if (by == GroupBy.Priority)
        {
            foreach (string name in PriorityNames)
            {
                groups[name] = [];
            }
        }

        foreach (var (document, item, pastSla) in items)
        {
            string key = by switch
            {
                GroupBy.Document => document,
                GroupBy.Priority => item.PriorityName,
                GroupBy.Section => item.Section ?? NoSection,
                _ => item.Owner ?? NoOwner,
            };
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add((item, pastSla));
        }

        return groups.Where(g => g.Value.Count > 0 || by != GroupBy.Priority || g.Key != NoPriority)
            .Select(g => GroupSummary.Of(g.Key, g.Value, today))
            .ToList();
    }
}
