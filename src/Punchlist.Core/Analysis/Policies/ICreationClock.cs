using Punchlist.Model;

namespace Punchlist.Analysis.Policies;

/// <summary>When an item came into being, from a record outside the document (its git history).</summary>
public interface ICreationClock
{
    DateTime? CreatedAt(TrackerDocument document, Item item);
}

/// <summary>No history: SLA clocks start from what the document itself declares.</summary>
public sealed class NoHistory : ICreationClock
{
    public static readonly NoHistory Instance = new();

    public DateTime? CreatedAt(TrackerDocument document, Item item) => null;
}
