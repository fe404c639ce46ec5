using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Punchlist.Cli.Json;

/// <summary>Writes the versioned JSON documents; the shapes are documented in docs/json.md.</summary>
internal static class JsonOutput
{
    public static void Write<T>(TextWriter output, T value)
    {
        // Straight to the stream as UTF-8 when there is one (standard output): a status of thousands of
        // trackers is megabytes, which would otherwise be built as one string and then encoded again.
        if (output is StreamWriter { Encoding: UTF8Encoding } writer)
        {
            writer.Flush();
            JsonSerializer.Serialize(writer.BaseStream, value, typeof(T), PunchJsonContext.Default);
            writer.WriteLine();
            return;
        }

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
