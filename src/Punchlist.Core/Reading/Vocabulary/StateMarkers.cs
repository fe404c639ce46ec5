using Punchlist.Model;

namespace Punchlist.Reading.Vocabulary;

/// <summary>
/// The emoji and ballot boxes teams write for a state (`✅`, `❌`, `⏳`, `🔄`, `☐`, `⏸️`). A
/// <em>definite</em> marker names a state wherever it stands; the others (`⚠️`, `🟢`, `🔴`, `⭕`, `📋`)
/// are as often a warning, a priority colour or a section's icon, so a list or heading led by them is
/// read as states only beside definite markers, or where the document's legend says what they mean.
/// </summary>
public static class StateMarkers
{
    private const char VariationSelector = '\uFE0F';

    private static readonly (string Text, ItemState State, bool Definite)[] All =
    [
        ("✅", ItemState.Done, true), ("☑", ItemState.Done, true), ("✔", ItemState.Done, true), ("✓", ItemState.Done, true),
        ("🗹", ItemState.Done, true), ("🆗", ItemState.Done, false),
        ("❌", ItemState.Open, true), ("❎", ItemState.Open, true), ("✗", ItemState.Open, true), ("✘", ItemState.Open, true),
        ("✖", ItemState.Open, false), ("⬜", ItemState.Open, true), ("☐", ItemState.Open, true), ("🔲", ItemState.Open, true),
        ("🔳", ItemState.Open, true), ("☒", ItemState.Done, true),
        ("⏳", ItemState.Open, true), ("⌛", ItemState.Open, true), ("🔜", ItemState.Open, false),
        ("🚧", ItemState.InProgress, true), ("🔄", ItemState.InProgress, true), ("🔃", ItemState.InProgress, false),
        ("🏗", ItemState.InProgress, false), ("🔨", ItemState.InProgress, false),
        ("⏸", ItemState.Blocked, true), ("🛑", ItemState.Blocked, true), ("⛔", ItemState.Blocked, true), ("🚫", ItemState.Blocked, false),
        ("⚠", ItemState.InProgress, false), ("🟢", ItemState.Done, false), ("🟡", ItemState.InProgress, false), ("🟠", ItemState.InProgress, false),
        ("🔴", ItemState.Open, false), ("⭕", ItemState.Open, false), ("📋", ItemState.Open, false), ("🔶", ItemState.InProgress, false),
        ("🗑", ItemState.Cancelled, true), ("➖", ItemState.Cancelled, false),
    ];

    /// <summary>The marker that starts <paramref name="text"/> at <paramref name="at"/>, with any variation selector after it.</summary>
    public static StateMarker? At(ReadOnlySpan<char> text, int at = 0)
    {
        if (at >= text.Length || text[at] < 0x2000)
        {
            return null; // every marker lies past the ASCII and Latin ranges; most text starts there
        }

        var rest = text[at..];
        foreach (var (marker, state, definite) in All)
        {
            if (rest.StartsWith(marker, StringComparison.Ordinal))
            {
                int length = marker.Length;
                if (length < rest.Length && rest[length] == VariationSelector)
                {
                    length++;
                }

                return new StateMarker(marker, state, definite, length);
            }
        }

        return null;
    }

    /// <summary>Every marker in the text, in order: a status cell may hold one anywhere (`Deferred ⏸️`).</summary>
    public static StateMarker? Find(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] >= 0x2000 && At(text, i) is { } marker)
            {
                return marker;
            }
        }

        return null;
    }

    /// <summary>True for a character that may start a marker: the cheap test before <see cref="At"/>.</summary>
    public static bool MayStart(char c) => c >= 0x2000;
}

/// <summary>A state marker as written: its text (without variation selector), state, whether it is definite, and its length in the text.</summary>
public readonly record struct StateMarker(string Text, ItemState State, bool Definite, int Length);
