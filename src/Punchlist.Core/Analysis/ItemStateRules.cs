using Punchlist.Model;

namespace Punchlist.Analysis;

/// <summary>
/// How an item's state follows from what it declares and contains:
/// a task is its box — done when ticked, in progress when open with criteria ticked;
/// a card (and a row of a status table or matrix) is its declared status when that says done, blocked
/// or cancelled; with no status read, done when every criterion is and blocked when every open one is;
/// in progress when a criterion is ticked or the status says so; and open otherwise.
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

        // Nothing declared (or nothing read with confidence): the criteria say it all, done when every one is.
        if (status?.State is null && criteria.Count > 0)
        {
            var (counted, done, blocked) = Tally(criteria);
            if (counted > 0 && done == counted)
            {
                return ItemState.Done;
            }

            if (blocked > 0 && blocked == counted - done && done == 0 && !AnyProgress(criteria))
            {
                return ItemState.Blocked;
            }
        }

        return AnyProgress(criteria) || status?.State == ItemState.InProgress ? ItemState.InProgress : ItemState.Open;
    }

    private static (int Counted, int Done, int Blocked) Tally(IReadOnlyList<Checkbox> criteria)
    {
        int counted = 0, done = 0, blocked = 0;
        for (int i = 0; i < criteria.Count; i++)
        {
            var state = criteria[i].State;
            if (state == ItemState.Cancelled)
            {
                continue;
            }

            counted++;
            done += state == ItemState.Done ? 1 : 0;
            blocked += state == ItemState.Blocked ? 1 : 0;
        }

        return (counted, done, blocked);
    }

    private static bool AnyProgress(IReadOnlyList<Checkbox> criteria)
    {
        for (int i = 0; i < criteria.Count; i++)
        {
            if (criteria[i].State is ItemState.Done or ItemState.InProgress)
            {
                return true;
            }
        }

        return false;
    }
}
