using Punchlist.Text;

namespace Punchlist.Model;

/// <summary>What a task-list box says: GFM's `[ ]`/`[x]`, the extra markers, or a custom one.</summary>
public enum BoxMark
{
    Unchecked,
    Checked,
    InProgress,
    Cancelled,
    NotApplicable,
    Custom,
}

/// <summary>One task-list box: an item's own box, or a criterion.</summary>
public sealed class Checkbox
{
    public required char Marker { get; init; }

    public required BoxMark Mark { get; init; }

    /// <summary>The state the box stands for (a custom marker's state comes from punchlist.yml).</summary>
    public required ItemState State { get; init; }

    /// <summary>The three characters `[x]`.</summary>
    public required TextSpan MarkerSpan { get; init; }

    /// <summary>The list item's text after the box, as plain text.</summary>
    public required string Text { get; init; }

    public required TextSpan TextSpan { get; init; }

    /// <summary>The whole list item, children included.</summary>
    public required TextSpan ItemSpan { get; init; }

    public required LinePosition Position { get; init; }

    /// <summary>0 for a box with no box above it; 1 for its children, and so on.</summary>
    public required int Depth { get; init; }

    public Checkbox? Parent { get; init; }

    public bool IsChecked => Mark == BoxMark.Checked;

    /// <summary>Cancelled and not-applicable boxes are left out of progress.</summary>
    public bool Counts => State != ItemState.Cancelled;
}
