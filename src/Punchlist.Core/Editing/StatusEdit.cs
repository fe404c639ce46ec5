using Punchlist.Analysis.Rules;
using Punchlist.Editing.Sync;
using Punchlist.Model;
using Punchlist.Workspaces;

namespace Punchlist.Editing;

/// <summary>
/// The one edit that gives an item a state: done and open exactly as `punch done` and `punch reopen`
/// (<see cref="Ticking"/>); in progress, blocked or cancelled through a card's status line, in the
/// document's own words, or a task's box marker (`[/]` in progress, `[-]` cancelled — GFM has no
/// marker for blocked).
/// </summary>
public static class StatusEdit
{
    /// <returns>The edit, or null when the item already is in that state.</returns>
    /// <exception cref="PunchlistException">The item has nothing that can say that state.</exception>
    public static ProposedEdit? Edit(TrackerDocument document, Item item, ItemState target)
    {
        switch (target)
        {
            case ItemState.Done:
                return Ticking.Edit(document, item, criterion: null, done: true);
            case ItemState.Open:
                return Ticking.Edit(document, item, criterion: null, done: false);
        }

        string address = Workspace.Address(document, item);
        if (item.State == target)
        {
            return null;
        }

        if (document.Format == DocumentFormat.Org)
        {
            throw new PunchlistException($"{address} is an Org headline: its state is its TODO keyword, which set_status sets to done or open only");
        }

        if (item.Status is { } status)
        {
            var words = StatusWording.WordsSpan(document, status);
            if (words.IsEmpty)
            {
                throw new PunchlistException($"{address} declares its status as '{status.Raw}', which has no words to change");
            }

            string now = StatusWording.For(document, target, document.Source.Slice(words));
            return new ProposedEdit(new TextEdit(words, now), ChangeKind.Tick, $"{address} declares '{now}'");
        }

        if (item.Box is { } box)
        {
            char marker = target switch
            {
                ItemState.InProgress => '/',
                ItemState.Cancelled => '-',
                _ => throw new PunchlistException($"{address} is a task whose box cannot say {target.Name()}: a box is [ ], [x], [/] in progress or [-] cancelled"),
            };
            return new ProposedEdit(new TextEdit(new Text.TextSpan(box.MarkerSpan.Start + 1, 1), marker.ToString()), ChangeKind.Tick, $"{address} marked [{marker}]");
        }

        throw new PunchlistException($"{address} has no status line or box that could say {target.Name()}");
    }
}
