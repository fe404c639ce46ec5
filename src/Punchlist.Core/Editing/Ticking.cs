using System.Globalization;
using Punchlist.Analysis.Rules;
using Punchlist.Editing.Sync;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;
using Punchlist.Workspaces;

namespace Punchlist.Editing;

/// <summary>
/// `punch done` / `punch reopen`: the one edit that ticks or unticks an item — a task's box, a mark's
/// emoji, a table row's status cell, a card's declared status in the document's own words — or one of
/// its criteria (a box, an emoji, a matrix cell), chosen by its 1-based number (as `punch show` numbers
/// them) or by text that matches exactly one. Only that box, marker, cell or status changes.
/// </summary>
public static class Ticking
{
    /// <returns>The edit, or null when the item or criterion already is as asked.</returns>
    /// <exception cref="PunchlistException">No such criterion, an ambiguous one, or nothing that can be ticked.</exception>
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

        if (item.Kind == ItemKind.Row && item.Status is null && item.Criteria.Count > 0)
        {
            throw new PunchlistException($"{address} is a row of a matrix: tick one of its cells with --criterion ({string.Join(", ", item.Criteria.Select(c => c.Text))})");
        }

        if (item.Status is not { } status)
        {
            throw new PunchlistException(item.Criteria.Count == 0
                ? $"{address} has no status line and no criteria: there is nothing to tick (add a **Status:** line)"
                : $"{address} is a card without a status line: tick one of its {item.Criteria.Count} criteria with --criterion N");
        }

        var target = done ? ItemState.Done : item.CriteriaChecked > 0 ? ItemState.InProgress : ItemState.Open;
        if (status.State == target || (!done && status.State is ItemState.Open or ItemState.InProgress))
        {
            return null;
        }

        return item.Kind == ItemKind.Row && item.Table is { } table
            ? Cell(document, status.Span, target, RowStatuses(document, table), $"{address} declares")
            : Status(document, status, target, address);
    }

    // A declared status in the document's words, and the state emoji in front of it with them: `✅ Done`
    // reopened is `🔄 In Progress`, never `✅ In Progress`.
    private static ProposedEdit Status(TrackerDocument document, DeclaredStatus status, ItemState target, string address)
    {
        var words = StatusWording.WordsSpan(document, status);
        if (words.IsEmpty)
        {
            return Cell(document, status.Span, target, document.Items.Where(i => i.Status is not null).Select(i => i.Status!.Span), $"{address} declares");
        }

        string now = StatusWording.For(document, target, document.Source.Slice(words));
        var span = words;
        string text = document.Source.Text;
        int lead = status.Span.Start;
        while (lead < words.Start && char.IsWhiteSpace(text[lead]))
        {
            lead++;
        }

        if (StateMarkers.At(text, lead) is { } marker && marker.State != target)
        {
            span = TextSpan.FromBounds(lead, words.End);
            now = $"{MarkerFor(document, target)} {now}";
        }

        return new ProposedEdit(new TextEdit(span, now), ChangeKind.Tick, $"{address} declares '{now}'");
    }

    private static ProposedEdit? Box(TrackerDocument document, Checkbox box, bool done, string what)
    {
        if (done ? box.IsChecked : box.State == ItemState.Open)
        {
            return null;
        }

        var target = done ? ItemState.Done : ItemState.Open;
        switch (box.Style)
        {
            case BoxStyle.Task or BoxStyle.Loose:
                // Org ticks with `[X]`: it reads no other letter as ticked.
                var marker = new TextSpan(box.MarkerSpan.Start + 1, 1);
                string tick = document.Format == DocumentFormat.Org ? "X" : "x";
                return new ProposedEdit(new TextEdit(marker, done ? tick : " "), ChangeKind.Tick, $"{what} {(done ? "ticked" : "unticked")}");
            case BoxStyle.Emoji:
                string symbol = MarkerFor(document, target);
                return new ProposedEdit(new TextEdit(box.MarkerSpan, symbol), ChangeKind.Tick, $"{what} marked {symbol}");
            case BoxStyle.Cell:
                var cells = document.Items.SelectMany(i => i.Criteria).Where(c => c.Style == BoxStyle.Cell && c.State == target).Select(c => c.MarkerSpan);
                return Cell(document, box.MarkerSpan, target, cells, $"{what} now reads");
            default:
                throw new PunchlistException($"{what} is an entry of a list that marks work done by striking it through or closing it with DONE: change that line by hand");
        }
    }

    // A table cell (a row's status, a matrix's stage) takes the text another cell of the document gives
    // that state (`✅ Done`, `✅`); else the state's marker, with the status words if the cell had any.
    private static ProposedEdit Cell(TrackerDocument document, TextSpan cell, ItemState target, IEnumerable<TextSpan> candidates, string what)
    {
        string? model = null;
        var statuses = StatusVocabulary.Default;
        foreach (var span in candidates)
        {
            string text = document.Source.Slice(span);
            if (statuses.Normalise(document.Encoding.Repair(text)) == target)
            {
                model = text;
                break;
            }
        }

        string current = document.Source.Slice(cell);
        bool wordy = current.Any(char.IsLetter);
        model ??= wordy ? $"{MarkerFor(document, target)} {CaseLike(target, current)}" : MarkerFor(document, target);
        return new ProposedEdit(new TextEdit(cell, model), ChangeKind.Tick, $"{what} '{model}'");
    }

    private static IEnumerable<TextSpan> RowStatuses(TrackerDocument document, TableModel table) =>
        document.Items.Where(i => i.Table == table && i.Status is not null).Select(i => i.Status!.Span);

    private static string CaseLike(ItemState state, string model)
    {
        string phrase = state switch
        {
            ItemState.Done => "Done",
            ItemState.InProgress => "In Progress",
            ItemState.Blocked => "Blocked",
            ItemState.Cancelled => "Cancelled",
            _ => "Not Started",
        };
        var letters = model.Where(char.IsLetter).ToList();
        return letters.Count > 0 && letters.All(char.IsUpper) ? phrase.ToUpperInvariant() : phrase;
    }

    // The marker this document writes for a state (from its marks, cells and statuses), else the common one.
    private static string MarkerFor(TrackerDocument document, ItemState state)
    {
        foreach (var item in document.Items)
        {
            foreach (var box in item.Box is null ? item.Criteria : item.Criteria.Prepend(item.Box))
            {
                if (box.Style is BoxStyle.Emoji or BoxStyle.Cell && box.State == state && box.Symbol is { } symbol && StateMarkers.At(symbol) is { } marker && marker.State == state)
                {
                    return symbol[..marker.Length];
                }
            }

            if (item.Status is { State: { } declared } status && declared == state && StateMarkers.At(document.Encoding.Repair(status.Raw)) is { } lead && lead.State == state)
            {
                return document.Encoding.Repair(status.Raw)[..lead.Length];
            }
        }

        return state switch
        {
            ItemState.Done => "✅",
            ItemState.InProgress => "🔄",
            ItemState.Blocked => "⏸️",
            ItemState.Cancelled => "🗑️",
            _ => "⬜",
        };
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
