using System.Text.Json.Serialization;

namespace Punchlist.Json;

/// <summary>The source-generated serializer of every versioned shape: camelCase, indented, nulls written.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StatusJson))]
[JsonSerializable(typeof(ItemsJson))]
[JsonSerializable(typeof(ItemDetailJson))]
[JsonSerializable(typeof(SearchJson))]
[JsonSerializable(typeof(FindingsJson))]
[JsonSerializable(typeof(EvidenceReportJson))]
[JsonSerializable(typeof(ProbeCatalogueJson))]
public sealed partial class PunchJsonContext : JsonSerializerContext;
