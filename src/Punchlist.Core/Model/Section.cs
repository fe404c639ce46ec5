using Punchlist.Text;

namespace Punchlist.Model;

/// <summary>A heading and everything under it until the next heading of the same or a higher level.</summary>
public sealed class Section
{
    public required int Index { get; init; }

    public required int Level { get; init; }

    /// <summary>The heading as plain text, as it was meant to read (mojibake repaired).</summary>
    public required string Title { get; init; }

    public required TextSpan HeadingSpan { get; init; }

    public required TextSpan TitleSpan { get; init; }

    public required LinePosition Position { get; init; }

    public Section? Parent { get; init; }

    /// <summary>The priority the heading names (`P0: Critical Blockers`, `🔴 MUST HAVE`), if any.</summary>
    public PriorityInfo? Priority { get; init; }

    /// <summary>The heading names a phase (`PHASE 0`): then `P0-` in an ID means phase 0, not priority 0.</summary>
    public bool IsPhase { get; init; }

    /// <summary>
    /// The state the heading declares for what is under it (`Phase 0 ✅ COMPLETED`, `Docs Updates ✅`):
    /// the raw words, their state and their span. A state emoji that only leads a heading is its icon.
    /// </summary>
    public DeclaredStatus? Declared { get; init; }

    /// <summary>The card this heading opens, if it is a card heading.</summary>
    public Item? Card { get; internal set; }

    /// <summary>From the heading to the next heading of the same or a higher level.</summary>
    public TextSpan Extent { get; internal set; }

    public IEnumerable<Section> Ancestors()
    {
        for (var s = Parent; s is not null; s = s.Parent)
        {
            yield return s;
        }
    }

    /// <summary>Titles from the outermost section down to this one.</summary>
    public IReadOnlyList<string> Path()
    {
        var path = new List<string> { Title };
        path.AddRange(Ancestors().Select(a => a.Title));
        path.Reverse();
        return path;
    }
}
