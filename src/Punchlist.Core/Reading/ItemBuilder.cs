using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Reading;

/// <summary>An item while the walk is still collecting its criteria, fields and references.</summary>
internal sealed class ItemBuilder
{
    public required ItemKind Kind { get; init; }

    public string? Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The title as it was meant to read, mojibake repaired: vocabularies and keys use this.</summary>
    public required string MeantTitle { get; init; }

    public required TextSpan TitleSpan { get; init; }

    public required LinePosition Position { get; init; }

    public required int Start { get; init; }

    public int End { get; set; }

    public Section? Section { get; init; }

    public Section? Heading { get; init; }

    public Checkbox? Box { get; init; }

    public TableModel? Table { get; init; }

    public TableRowModel? Row { get; init; }

    /// <summary>False for a heading led by a state emoji: it is an item of its own, and what is under it is not its criteria.</summary>
    public bool TakesCriteria { get; init; } = true;

    /// <summary>A card opened by a heading whose status only describes it: no card after all unless criteria turn up under it.</summary>
    public bool Describes { get; set; }

    /// <summary>For cards, the heading level; a heading at this level or above ends the card.</summary>
    public int Level { get; init; }

    /// <summary>A status the syntax itself declares (an Org TODO keyword): it stands instead of a status field.</summary>
    public DeclaredStatus? SyntaxStatus { get; init; }

    /// <summary>A priority the syntax itself declares (an Org `[#A]` cookie): it wins over every other source.</summary>
    public PriorityInfo? SyntaxPriority { get; init; }

    /// <summary>
    /// What the item depends on as a list names it (front matter `dependencies: [task-208]`): every entry
    /// as written, where a field's text is searched for IDs instead.
    /// </summary>
    public IReadOnlyList<string>? ListedDependsOn { get; set; }

    // Created on first use: most items have no criteria, fields or references.
    private List<Checkbox>? _criteria;
    private List<MetadataField>? _fields;
    private List<Reference>? _references;

    public List<Checkbox> Criteria => _criteria ??= [];

    public List<MetadataField> Fields => _fields ??= [];

    public List<Reference> References => _references ??= [];

    public IReadOnlyList<Checkbox> CriteriaSoFar => (IReadOnlyList<Checkbox>?)_criteria ?? [];

    public IReadOnlyList<MetadataField> FieldsSoFar => (IReadOnlyList<MetadataField>?)_fields ?? [];

    public IReadOnlyList<Reference> ReferencesSoFar => (IReadOnlyList<Reference>?)_references ?? [];
}
