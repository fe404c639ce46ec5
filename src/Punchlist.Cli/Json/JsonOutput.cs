using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Punchlist.Cli.Json;

/// <summary>
/// Writes the versioned JSON documents (their shapes are documented in docs/json.md). Nothing here
/// knows a console: a host that serves the same shapes over HTTP uses <see cref="Options"/>.
/// </summary>
internal static class JsonOutput
{
    /// <summary>Indented, camelCase, every field written (null when it does not apply), strings escaped only where they must be.</summary>
    public static readonly JsonSerializerOptions Options = new(PunchJsonContext.Default.Options) { Encoder = ReadableEncoder.Instance };

    private static readonly PunchJsonContext Context = new(Options);

    public static void Write<T>(TextWriter output, T value) =>
        WriteUtf8(output, stream => JsonSerializer.Serialize(stream, value, (JsonTypeInfo<T>)Context.GetTypeInfo(typeof(T))!));

    public static void Write<T>(TextWriter output, T value, JsonTypeInfo<T> type) =>
        WriteUtf8(output, stream => JsonSerializer.Serialize(stream, value, type));

    /// <summary>`punchlist.status/1`, which grows with the workspace, by its own writer (<see cref="StatusJsonWriter"/>).</summary>
    public static void Write(TextWriter output, StatusJson report) => WriteUtf8(output, stream => StatusJsonWriter.Write(stream, report));

    private static void WriteUtf8(TextWriter output, Action<Stream> write)
    {
        // Straight to the stream as UTF-8 when there is one (standard output): a status of thousands of
        // trackers is megabytes, which would otherwise be built as one string and then encoded again.
        if (output is StreamWriter { Encoding: UTF8Encoding } stream)
        {
            stream.Flush();
            write(stream.BaseStream);
            stream.WriteLine();
            return;
        }

        using var buffer = new MemoryStream();
        write(buffer);
        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
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
