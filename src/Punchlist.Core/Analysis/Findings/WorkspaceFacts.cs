using Punchlist.Model;

namespace Punchlist.Analysis.Findings;

/// <summary>
/// What rules need to know about every document at once (the IDs items and plans carry), computed
/// on first use and shared by all documents of one check: per document it would cost the square of
/// the workspace.
/// </summary>
public sealed class WorkspaceFacts(IReadOnlyList<TrackerDocument> documents)
{
    private readonly Lazy<HashSet<string>> _itemIds = new(() =>
        documents.SelectMany(d => d.Items).Where(i => i.Id is not null).Select(i => i.Id!).ToHashSet(StringComparer.OrdinalIgnoreCase));

    private readonly Lazy<HashSet<string>> _planIds = new(() =>
        documents.Where(d => d.Id is not null).Select(d => d.Id!).ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Every item ID of the workspace, case ignored.</summary>
    public IReadOnlySet<string> ItemIds => _itemIds.Value;

    /// <summary>Every document ID (front matter `id:`) of the workspace, case ignored.</summary>
    public IReadOnlySet<string> PlanIds => _planIds.Value;
}
