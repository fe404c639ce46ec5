namespace Punchlist.Model;

/// <summary>The five states every status, marker and derivation normalises to.</summary>
public enum ItemState
{
    Open,
    InProgress,
    Done,
    Blocked,
    Cancelled,
}

public static class ItemStates
{
    public static readonly IReadOnlyList<ItemState> All = [ItemState.Open, ItemState.InProgress, ItemState.Done, ItemState.Blocked, ItemState.Cancelled];

    /// <summary>Where the state comes in what needs a look first (`sort:state`, `punch list --sort state`): blocked, in progress, open, done, cancelled.</summary>
    public static int Urgency(this ItemState state) => state switch
    {
        ItemState.Blocked => 0,
        ItemState.InProgress => 1,
        ItemState.Open => 2,
        ItemState.Done => 3,
        _ => 4,
    };

    /// <summary>The wire name: open, in-progress, done, blocked, cancelled.</summary>
    public static string Name(this ItemState state) => state switch
    {
        ItemState.Open => "open",
        ItemState.InProgress => "in-progress",
        ItemState.Done => "done",
        ItemState.Blocked => "blocked",
        _ => "cancelled",
    };

    public static bool TryParse(string text, out ItemState state)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }

        state = ItemState.Open;
        return false;
    }

    /// <summary>Done and cancelled items are closed: nothing more is expected of them.</summary>
    public static bool IsClosed(this ItemState state) => state is ItemState.Done or ItemState.Cancelled;
}
