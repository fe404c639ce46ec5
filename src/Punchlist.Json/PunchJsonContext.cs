using System.Text.Json;
using System.Text.Json.Serialization;

namespace Punchlist.Json;

/// <summary>How every versioned document is written, by the CLI and the server alike.</summary>
public static class PunchJson
{
    /// <summary>Indented, camelCase, every field written (null when it does not apply), strings escaped only where they must be.</summary>
    public static readonly JsonSerializerOptions Options = new(PunchJsonContext.Default.Options) { Encoder = ReadableEncoder.Instance };

    /// <summary>The source-generated serializer with <see cref="Options"/>.</summary>
    public static readonly PunchJsonContext Context = new(Options);
}

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
[JsonSerializable(typeof(HistoryJson))]
[JsonSerializable(typeof(PushJson))]
[JsonSerializable(typeof(PushedJson))]
[JsonSerializable(typeof(OverviewJson))]
[JsonSerializable(typeof(RepositoriesJson))]
[JsonSerializable(typeof(TeamSearchJson))]
[JsonSerializable(typeof(TeamHistoryJson))]
[JsonSerializable(typeof(ExportJson))]
[JsonSerializable(typeof(ExportItemJson))]
public sealed partial class PunchJsonContext : JsonSerializerContext;
