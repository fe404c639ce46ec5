using Punchlist.Model;

namespace Punchlist.Analysis;

/// <summary>
/// How an item's state follows from what it declares and contains:
/// a task is its box — done when ticked, in progress when open with criteria ticked;
/// a card is its declared status when that says done, blocked or cancelled, in progress when a
/// criterion is ticked or the status says so, and open otherwise.
/// </summary>
public static class ItemStateRules
{
    public static ItemState ForTask(Checkbox box, DeclaredStatus? status, IReadOnlyList<Checkbox> criteria)
    {
        if (box.Mark != BoxMark.Unchecked)
        {
            return box.State;
        }

        if (status?.State is ItemState.Blocked or ItemState.Cancelled or ItemState.InProgress)
        {
            return status.State.Value;
        }

        return AnyProgress(criteria) ? ItemState.InProgress : ItemState.Open;
    }

    public static ItemState ForCard(DeclaredStatus? status, IReadOnlyList<Checkbox> criteria)
    {
        if (status?.State is ItemState.Done or ItemState.Blocked or ItemState.Cancelled)
        {
            return status.State.Value;
        }

        return AnyProgress(criteria) || status?.State == ItemState.InProgress ? ItemState.InProgress : ItemState.Open;
    }

    private static bool AnyProgress(IReadOnlyList<Checkbox> criteria)
    {
        for (int i = 0; i < criteria.Count; i++)
        {
            if (criteria[i].Mark is BoxMark.Checked or BoxMark.InProgress)
            {
                return true;
            }
        }

        return false;
    }
}
