using Punchlist.History;
using Punchlist.Model;

namespace Punchlist.Analysis.Policies;

/// <summary>
/// What the repository's history says about an item: when it first appeared, when a commit last
/// changed it (its state, priority, due date, owner, criteria or title) and how that commit left it.
/// </summary>
public sealed record ItemPast(DateTime FirstSeen, DateTime LastChanged, ItemVersion LastVersion);

/// <summary>When an item came into being, from a record outside the document (its git history).</summary>
public interface ICreationClock
{
    DateTime? CreatedAt(TrackerDocument document, Item item);

    /// <summary>The item's past, or null when the record has none (not committed, no history).</summary>
    ItemPast? Past(TrackerDocument document, Item item) => null;
}

/// <summary>No history: SLA clocks start from what the document itself declares.</summary>
public sealed class NoHistory : ICreationClock
{
    public static readonly NoHistory Instance = new();

    public DateTime? CreatedAt(TrackerDocument document, Item item) => null;
}
