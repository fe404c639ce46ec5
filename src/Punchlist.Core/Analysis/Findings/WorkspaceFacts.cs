using Punchlist.Model;

namespace Punchlist.Analysis.Findings;

/// <summary>
/// What rules need to know about every document at once (the IDs items and plans carry), computed
/// on first use and shared by all documents of one check: per document it would cost the square of
/// the workspace. Built from the documents, or from ID sets a cache kept for them.
/// </summary>
public sealed class WorkspaceFacts
{
    private readonly Lazy<IReadOnlySet<string>> _itemIds;
    private readonly Lazy<IReadOnlySet<string>> _planIds;

    public WorkspaceFacts(IReadOnlyList<TrackerDocument> documents)
        : this(() => ItemIdsOf(documents), () => PlanIdsOf(documents))
    {
    }

    /// <param name="itemIds">Every item ID of the workspace; the set should ignore case.</param>
    /// <param name="planIds">Every document ID (front matter `id:`) of the workspace; the set should ignore case.</param>
    public WorkspaceFacts(Func<IReadOnlySet<string>> itemIds, Func<IReadOnlySet<string>> planIds)
    {
        _itemIds = new(itemIds);
        _planIds = new(planIds);
    }

    /// <summary>True when some document has an item with this ID, case ignored.</summary>
    public bool HasItemId(string id) => _itemIds.Value.Contains(id);

    /// <summary>True when some document declares this ID in its front matter, case ignored.</summary>
    public bool HasPlanId(string id) => _planIds.Value.Contains(id);

    public static HashSet<string> ItemIdsOf(IEnumerable<TrackerDocument> documents) =>
        documents.SelectMany(d => d.Items).Where(i => i.Id is not null).Select(i => i.Id!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static HashSet<string> PlanIdsOf(IEnumerable<TrackerDocument> documents) =>
        documents.Where(d => d.Id is not null).Select(d => d.Id!).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
