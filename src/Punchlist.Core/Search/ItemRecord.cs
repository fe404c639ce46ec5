using Punchlist.Analysis;
using Punchlist.Model;

namespace Punchlist.Search;

/// <summary>
/// One item as the index keeps it: everything `punch list` and `punch search` show and filter on,
/// flattened, with no span into the source. Built from a fresh parse by <see cref="DocumentRecord.Of"/>
/// and read back from the index unchanged, so both paths print the same thing.
/// </summary>
public sealed record ItemRecord
{
    /// <summary>The item's index in its document, from 0: document order.</summary>
    public required int Ordinal { get; init; }

    public required string Key { get; init; }

    public string? Id { get; init; }

    public required ItemKind Kind { get; init; }

    public required string Title { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    /// <summary>Headings from the outermost down to the item's section; empty outside any section.</summary>
    public required IReadOnlyList<string> SectionPath { get; init; }

    public PriorityInfo? Priority { get; init; }

    /// <summary>The declared status as written.</summary>
    public string? Status { get; init; }

    public required ItemState State { get; init; }

    public required int CriteriaTotal { get; init; }

    public required int CriteriaChecked { get; init; }

    public string? Owner { get; init; }

    public DateOnly? Due { get; init; }

    public Effort? Effort { get; init; }

    public string? Category { get; init; }

    public required IReadOnlyList<string> DependsOn { get; init; }

    public required IReadOnlyList<ItemReference> References { get; init; }

    public required IReadOnlyList<CriterionRecord> Criteria { get; init; }

    /// <summary>Metadata values, one per line: searched as text.</summary>
    public required string Fields { get; init; }

    /// <summary>The item's own text that is not its title, a criterion or a field: searched as context.</summary>
    public required string Body { get; init; }

    /// <summary>Canonical names of the technologies the item's text names (<see cref="TechDictionary"/>).</summary>
    public required IReadOnlyList<string> Tech { get; init; }

    /// <summary>PL002 holds for the item: its declared status contradicts its boxes.</summary>
    public required bool Contradicted { get; init; }

    public string? Section => SectionPath.Count > 0 ? SectionPath[^1] : null;

    public bool HasFiles => References.Any(r => r.Kind == ReferenceKind.File);

    public ItemFacts Facts => new(State, Priority?.Rank, Due, CriteriaTotal, CriteriaChecked, Section, Owner);
}

/// <summary>A reference with the line it is on instead of its span.</summary>
public sealed record ItemReference(ReferenceKind Kind, string Target, ReferenceRole Role, int Line);

/// <summary>One criterion of an item, numbered from 1 in document order as `punch show` numbers them.</summary>
public sealed record CriterionRecord(int Number, char Marker, ItemState State, bool Checked, int Line, int Depth, string Text);
