using Punchlist.Text;

namespace Punchlist.Editing;

/// <summary>
/// Edits to one text, kept in order and never overlapping. Two edits that touch the same characters
/// cannot both be right, so the second is refused rather than merged; the same edit offered twice
/// (two findings with one fix) is kept once.
/// </summary>
public sealed class EditSet
{
    private readonly List<TextEdit> _edits = [];

    public IReadOnlyList<TextEdit> Edits => _edits;

    public int Count => _edits.Count;

    /// <summary>Adds <paramref name="edit"/> unless it conflicts with one already here, which is then returned.</summary>
    public bool TryAdd(TextEdit edit, out TextEdit conflict)
    {
        int index = _edits.BinarySearch(edit, Order.Instance);
        if (index >= 0)
        {
            conflict = _edits[index];
            return conflict.NewText == edit.NewText;
        }

        index = ~index;
        if (index > 0 && Conflicts(_edits[index - 1], edit))
        {
            conflict = _edits[index - 1];
            return false;
        }

        if (index < _edits.Count && Conflicts(edit, _edits[index]))
        {
            conflict = _edits[index];
            return false;
        }

        _edits.Insert(index, edit);
        conflict = default;
        return true;
    }

    /// <summary>True when <paramref name="first"/> (which sorts first) and <paramref name="second"/> cannot both apply.</summary>
    internal static bool Conflicts(TextEdit first, TextEdit second) =>
        first.Span.End > second.Span.Start
        || (first.Span.IsEmpty && second.Span.IsEmpty && first.Span.Start == second.Span.Start); // two inserts at one place: no order is right

    private sealed class Order : IComparer<TextEdit>
    {
        public static readonly Order Instance = new();

        public int Compare(TextEdit x, TextEdit y)
        {
            int byStart = x.Span.Start.CompareTo(y.Span.Start);
            return byStart != 0 ? byStart : x.Span.End.CompareTo(y.Span.End);
        }
    }
}
