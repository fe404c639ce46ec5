using Punchlist.Text;

namespace Punchlist.Model;

/// <summary>
/// The shape an item is written in: a card is a heading that names an item; a task is a checkbox list
/// item outside any card; a row is a row of a status table or matrix; a mark is a list item or
/// heading led by a state emoji or ballot box, a bare `[x] 1. …` line, or an entry of a list whose
/// done entries are struck through or end in `DONE`.
/// </summary>
public enum ItemKind
{
    Card,
    Task,
    Row,
    Mark,
}

public static class ItemKinds
{
    /// <summary>The wire name: card, task, row, mark.</summary>
    public static string Name(this ItemKind kind) => kind switch
    {
        ItemKind.Card => "card",
        ItemKind.Task => "task",
        ItemKind.Row => "row",
        _ => "mark",
    };
}

/// <summary>A unit of work, with what the document declares about it and what Punchlist derives.</summary>
public sealed class Item
{
    public required ItemKind Kind { get; init; }

    private readonly ItemKeys? _keys;
    private string? _key;

    /// <summary>Stable within the document: the ID when there is one, else a slug of section and title.</summary>
    public string Key
    {
        get
        {
            if (Volatile.Read(ref _key) is null)
            {
                _keys?.AssignAll();
            }

            return _key ?? throw new InvalidOperationException($"item '{Title}' was built without a key");
        }

        init => _key = value;
    }

    /// <summary>The document's key table, which assigns <see cref="Key"/> on first use when it was not given.</summary>
    internal ItemKeys? Keys
    {
        get => _keys;
        init => _keys = value;
    }

    public string? Id { get; init; }

    /// <summary>The title as it was meant to read: mojibake repaired (<see cref="TitleSpan"/> is where it is written).</summary>
    public required string Title { get; init; }

    public required TextSpan TitleSpan { get; init; }

    /// <summary>Where the item starts: its heading or its list marker.</summary>
    public required LinePosition Position { get; init; }

    /// <summary>The whole item: a card to the next heading of its level, a task's list item with its children.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>The section the item sits in (for a card, the section around its heading).</summary>
    public Section? Section { get; init; }

    /// <summary>The card heading itself, for cards.</summary>
    public Section? Heading { get; init; }

    /// <summary>A task's or a mark's own box (for a mark, the emoji, strike or bare box that gives its state).</summary>
    public Checkbox? Box { get; init; }

    /// <summary>For a row, the table it is a row of (a status table or a matrix).</summary>
    public TableModel? Table { get; init; }

    /// <summary>For a row, its row of <see cref="Table"/>.</summary>
    public TableRowModel? Row { get; init; }

    public required IReadOnlyList<Checkbox> Criteria { get; init; }

    public required IReadOnlyList<MetadataField> Fields { get; init; }

    public required IReadOnlyList<Reference> References { get; init; }

    public DeclaredStatus? Status { get; init; }

    public PriorityInfo? Priority { get; init; }

    public Effort? Effort { get; init; }

    /// <summary>The owner; null when none is named or it is a placeholder (`TBD`, `unassigned`).</summary>
    public string? Owner { get; init; }

    public DateValue? Due { get; init; }

    public DateValue? Created { get; init; }

    public string? Category { get; init; }

    public required IReadOnlyList<string> DependsOn { get; init; }

    /// <summary>Derived from the box, the declared status and the criteria (see <see cref="Analysis.ItemStateRules"/>).</summary>
    public required ItemState State { get; init; }

    public int CriteriaTotal => CountCriteria(checkedOnly: false);

    public int CriteriaChecked => CountCriteria(checkedOnly: true);

    public MetadataField? Field(FieldKind kind) => Fields.FirstOrDefault(f => f.Kind == kind);

    internal void AssignKey(string key) => Volatile.Write(ref _key, key);

    // Summed for every item of every status and report: a plain loop, no enumerator or delegate.
    private int CountCriteria(bool checkedOnly)
    {
        int count = 0;
        for (int i = 0; i < Criteria.Count; i++)
        {
            if (Criteria[i].Counts && (!checkedOnly || Criteria[i].IsChecked))
            {
                count++;
            }
        }

        return count;
    }
}
