using System.Globalization;
using Punchlist.Analysis.Rules;
using Punchlist.Editing.Sync;
using Punchlist.Model;
using Punchlist.Workspaces;

namespace Punchlist.Editing;

/// <summary>
/// `punch done` / `punch reopen`: the one edit that ticks or unticks an item — a task's box, a card's
/// declared status in the document's own words — or one of its criteria, chosen by its 1-based
/// number (as `punch show` numbers them) or by text that matches exactly one.
/// </summary>
public static class Ticking
{
    /// <returns>The edit, or null when the item or criterion already is as asked.</returns>
    /// <exception cref="PunchlistException">No such criterion, an ambiguous one, or a card with nothing to tick.</exception>
    public static ProposedEdit? Edit(TrackerDocument document, Item item, string? criterion, bool done)
    {
        string address = Workspace.Address(document, item);
        if (criterion is not null)
        {
            var box = Criterion(item, criterion, address);
            return Box(document, box, done, $"criterion '{box.Text}' of {address}");
        }

        if (item.Box is { } own)
        {
            return Box(document, own, done, address);
        }

        if (document.Format == DocumentFormat.Org)
        {
            return Org.OrgEdits.SetKeyword(document, item, done, address);
        }

        if (item.Status is not { } status)
        {
            throw new PunchlistException($"{address} is a card without a status line: tick one of its {item.Criteria.Count} criteria with --criterion N");
        }

        var words = StatusWording.WordsSpan(document, status);
        if (words.IsEmpty)
        {
            throw new PunchlistException($"{address} declares its status as '{status.Raw}', which has no words to change");
        }

        var target = done ? ItemState.Done : item.CriteriaChecked > 0 ? ItemState.InProgress : ItemState.Open;
        if (status.State == target || (!done && status.State is ItemState.Open or ItemState.InProgress))
        {
            return null;
        }

        string now = StatusWording.For(document, target, document.Source.Slice(words));
        return new ProposedEdit(new TextEdit(words, now), ChangeKind.Tick, $"{address} declares '{now}'");
    }

    // Org ticks with `[X]`: it reads no other letter as ticked.
    private static ProposedEdit? Box(TrackerDocument document, Checkbox box, bool done, string what)
    {
        if (done ? box.IsChecked : box.Mark == BoxMark.Unchecked)
        {
            return null;
        }

        var marker = new Text.TextSpan(box.MarkerSpan.Start + 1, 1);
        string tick = document.Format == DocumentFormat.Org ? "X" : "x";
        return new ProposedEdit(new TextEdit(marker, done ? tick : " "), ChangeKind.Tick, $"{what} {(done ? "ticked" : "unticked")}");
    }

    private static Checkbox Criterion(Item item, string criterion, string address)
    {
        if (item.Criteria.Count == 0)
        {
            throw new PunchlistException($"{address} has no criteria");
        }

        if (int.TryParse(criterion, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            return number >= 1 && number <= item.Criteria.Count
                ? item.Criteria[number - 1]
                : throw new PunchlistException($"{address} has criteria 1 to {item.Criteria.Count}, not {criterion}");
        }

        string wanted = criterion.Trim();
        var exact = item.Criteria.Where(c => string.Equals(c.Text.Trim(), wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        var matches = exact.Count > 0 ? exact : item.Criteria.Where(c => c.Text.Contains(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new PunchlistException($"no criterion of {address} matches '{criterion}'"),
            _ => throw new PunchlistException($"'{criterion}' matches {matches.Count} criteria of {address}: {string.Join("; ", matches.Select(c => $"{item.Criteria.ToList().IndexOf(c) + 1}. {c.Text}"))}"),
        };
    }
}
