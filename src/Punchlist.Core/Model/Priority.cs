namespace Punchlist.Model;

/// <summary>Where an item's priority came from, strongest first.</summary>
public enum PrioritySource
{
    Field,
    Title,
    Section,
    IdPrefix,
}

/// <summary>A canonical rank P0..P3 and the document's own label for it (`Must Have`, `High`, `P0`).</summary>
public sealed record PriorityInfo(int Rank, string Label, PrioritySource Source)
{
    public const int Lowest = 3;

    public string Name => $"P{Rank}";
}
