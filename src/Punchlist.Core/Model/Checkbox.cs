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

/// <summary>How a box is written.</summary>
public enum BoxStyle
{
    /// <summary>A GFM task-list box `- [x]` (and the extra markers `[/]`, `[-]`, `[~]`, `[!]`).</summary>
    Task,

    /// <summary>A box at the start of a line that is not a list item (`[x] 1. Install`): not a box to GFM.</summary>
    Loose,

    /// <summary>A state emoji or ballot box leading a list item or heading (`- ✅ Compiles`, `### ☐ Wire`).</summary>
    Emoji,

    /// <summary>A list entry struck through over its start (`~~Auth gate~~ DONE`).</summary>
    Struck,

    /// <summary>A list entry closed by a state (`… DONE`, `… ✅`, `… 🔄 (pending DB)`), or left open in a list of such entries.</summary>
    Closing,

    /// <summary>A cell of a status matrix: the state of one stage of its row (`| Backups | ✅ | ⏸️ |`).</summary>
    Cell,
}

/// <summary>One box: an item's own box, or a criterion — written as a task-list box, an emoji, a strike or a matrix cell.</summary>
public sealed class Checkbox
{
    /// <summary>The box character: as written for a task-list box; for the other styles, the one that stands for its state (`x`, ` `, `/`, `-`, `!`).</summary>
    public required char Marker { get; init; }

    public BoxStyle Style { get; init; } = BoxStyle.Task;

    /// <summary>The state marker as written (`✅`, `⏸️ Pending`, `~~`, `DONE`); null for a task-list box, whose marker is <see cref="Marker"/>.</summary>
    public string? Symbol { get; init; }

    public required BoxMark Mark { get; init; }

    /// <summary>The state the box stands for (a custom marker's state comes from punchlist.yml).</summary>
    public required ItemState State { get; init; }

    /// <summary>The three characters `[x]`; the emoji, the strike, or the cell's content for the other styles.</summary>
    public required TextSpan MarkerSpan { get; init; }

    /// <summary>The list item's text after the box, as plain text and as it was meant to read; for a matrix cell, its column's name.</summary>
    public required string Text { get; init; }

    public required TextSpan TextSpan { get; init; }

    /// <summary>The whole list item, children included.</summary>
    public required TextSpan ItemSpan { get; init; }

    public required LinePosition Position { get; init; }

    /// <summary>0 for a box with no box above it; 1 for its children, and so on.</summary>
    public required int Depth { get; init; }

    public Checkbox? Parent { get; init; }

    public bool IsChecked => State == ItemState.Done;

    /// <summary>A box GFM itself counts: a task-list item with `[ ]`, `[x]` or `[X]`.</summary>
    public bool IsGfm => Style == BoxStyle.Task && Marker is ' ' or '\t' or 'x' or 'X';

    /// <summary>Cancelled and not-applicable boxes are left out of progress.</summary>
    public bool Counts => State != ItemState.Cancelled;
}
