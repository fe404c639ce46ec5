using System.Text.Json;
using System.Text.Json.Serialization;

namespace Punchlist.Cli.Json;

/// <summary>Writes the versioned JSON documents; the shapes are documented in docs/json.md.</summary>
internal static class JsonOutput
{
    public static void Write<T>(TextWriter output, T value)
    {
        output.WriteLine(JsonSerializer.Serialize(value, typeof(T), PunchJsonContext.Default));
    }
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
internal sealed partial class PunchJsonContext : JsonSerializerContext;
