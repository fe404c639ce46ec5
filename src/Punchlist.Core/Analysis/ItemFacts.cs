using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Analysis;

/// <summary>
/// What progress, grouping and overdue counting need of an item, and nothing that needs its source:
/// small enough for the index to keep for every item and hand back without a parse, so that
/// `punch status` computes the same numbers from a fresh parse and from the cache.
/// </summary>
public readonly record struct ItemFacts(
    ItemState State,
    int? PriorityRank,
    DateOnly? Due,
    int CriteriaTotal,
    int CriteriaChecked,
    string? Section,
    string? Owner)
{
    public string PriorityName => PriorityRank is { } rank ? $"P{rank}" : Grouping.NoPriority;

    public static ItemFacts Of(Item item) => new(
        item.State,
        item.Priority?.Rank,
        item.Due?.Date,
        item.CriteriaTotal,
        item.CriteriaChecked,
        item.Section?.Title,
        item.Owner);
}

/// <summary>A reader note without its span: where it is and what it says (what `--explain` prints).</summary>
public sealed record DocumentNote(LinePosition Position, string Message);

/// <summary>What `punch status` needs of one document (see <see cref="ItemFacts"/>).</summary>
public sealed record DocumentFacts(
    string Path,
    string? Title,
    int CheckboxesTotal,
    int CheckboxesChecked,
    IReadOnlyList<ItemFacts> Items,
    IReadOnlyList<DocumentNote> Notes)
{
    public static DocumentFacts Of(TrackerDocument document) => new(
        document.Path,
        document.Title,
        document.Checkboxes.Count,
        document.Checkboxes.Count(b => b.IsChecked),
        document.Items.Select(ItemFacts.Of).ToList(),
        document.Notes.Select(n => new DocumentNote(n.Position, n.Message)).ToList());
}
