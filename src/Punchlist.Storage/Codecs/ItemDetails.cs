using System.Text.Json;
using System.Text.Json.Serialization;
using Punchlist.Model;
using Punchlist.Search;

namespace Punchlist.Storage.Codecs;

/// <summary>What `punch list` shows of an item but no query filters on: kept as one small JSON value per item.</summary>
internal sealed record ItemDetails(
    ItemKind Kind,
    int Column,
    string? Status,
    int? Rank,
    string? PriorityLabel,
    PrioritySource? PrioritySource,
    string? EffortText,
    double? EffortHours,
    double? EffortMinHours,
    string? Owner,
    string? Category,
    IReadOnlyList<string> SectionPath,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<ItemReference> References,
    bool Contradicted)
{
    public static byte[] Encode(ItemRecord item) => JsonSerializer.SerializeToUtf8Bytes(new ItemDetails(
        item.Kind, item.Column, item.Status, item.Priority?.Rank, item.Priority?.Label, item.Priority?.Source,
        item.Effort?.Text, item.Effort?.Hours, item.Effort?.MinHours, item.Owner, item.Category,
        item.SectionPath, item.DependsOn, item.References, item.Contradicted), DetailsJsonContext.Default.ItemDetails);

    // The lists are always written; a value without them was not written by Encode (a damaged row).
    public static ItemDetails Decode(byte[] data) =>
        JsonSerializer.Deserialize(data, DetailsJsonContext.Default.ItemDetails) is { SectionPath: not null, DependsOn: not null, References: not null } details
            ? details
            : throw new InvalidDataException("item details without their lists");

    public PriorityInfo? Priority => Rank is { } rank ? new PriorityInfo(rank, PriorityLabel ?? string.Empty, PrioritySource ?? Model.PrioritySource.Field) : null;

    public Effort? Effort => EffortText is null ? null : new Effort(EffortText, EffortHours, EffortMinHours);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = false)]
[JsonSerializable(typeof(ItemDetails))]
internal sealed partial class DetailsJsonContext : JsonSerializerContext;
