namespace Punchlist.Json;

/// <summary>`punchlist.items/1`.</summary>
public sealed record ItemsJson(string Schema, string Today, IReadOnlyList<ItemJson> Items)
{
    public const string Version = "punchlist.items/1";
}

public sealed record ItemJson(
    string Key,
    string Address,
    string? Id,
    string Document,
    int Line,
    int Column,
    string Kind,
    string Title,
    string? Section,
    IReadOnlyList<string> SectionPath,
    string? Priority,
    string? PriorityLabel,
    string? Status,
    string State,
    BoxCountJson Criteria,
    string? Owner,
    string? Due,
    bool Overdue,
    EffortJson? Effort,
    string? Category,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<ReferenceJson> References);

public sealed record EffortJson(string Text, double? Hours);

public sealed record ReferenceJson(string Kind, string Target, string Role, int Line);

/// <summary>`punchlist.item/1`: one item in full.</summary>
public sealed record ItemDetailJson(
    string Schema,
    ItemJson Item,
    IReadOnlyList<FieldJson> Fields,
    IReadOnlyList<CriterionJson> CriteriaList,
    SourceJson Source)
{
    public const string Version = "punchlist.item/1";
}

public sealed record FieldJson(string Key, string Kind, string Value, int Line, int Column);

public sealed record CriterionJson(int Number, string Marker, string State, bool Checked, string Text, int Line, int Depth);

public sealed record SourceJson(int StartLine, int EndLine, string Excerpt);
