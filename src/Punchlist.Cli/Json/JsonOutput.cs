using System.Text;
using System.Text.Json;

using Punchlist.Json;

namespace Punchlist.Cli.Json;

/// <summary>Writes the versioned JSON documents; the shapes are documented in docs/json.md.</summary>
internal static class JsonOutput
{
    public static void Write<T>(TextWriter output, T value) =>
        WriteUtf8(output, stream => JsonSerializer.Serialize(stream, value, typeof(T), PunchJsonContext.Default));

    /// <summary>`punchlist.status/1`, which grows with the workspace, by its own writer (<see cref="StatusJsonWriter"/>).</summary>
    public static void Write(TextWriter output, StatusJson report) => WriteUtf8(output, stream => StatusJsonWriter.Write(stream, report));

    private static void WriteUtf8(TextWriter output, Action<Stream> write)
    {
        // Straight to the stream as UTF-8 when there is one (standard output): a status of thousands of
        // trackers is megabytes, which would otherwise be built as one string and then encoded again.
        if (output is StreamWriter { Encoding: UTF8Encoding } writer)
        {
            writer.Flush();
            write(writer.BaseStream);
            writer.WriteLine();
            return;
        }

        using var buffer = new MemoryStream();
        write(buffer);
        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
