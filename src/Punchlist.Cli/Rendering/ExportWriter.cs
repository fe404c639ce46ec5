using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CsvHelper;
using Punchlist.Cli.Json;
using Punchlist.Json;

namespace Punchlist.Cli.Rendering;

/// <summary>`punch export`'s three formats over the same records: one JSON document, JSON lines, CSV.</summary>
internal static class ExportWriter
{
    /// <summary>The CSV columns, in order: the flat fields of an exported item (lists joined, see <see cref="Row"/>).</summary>
    public static readonly string[] Columns =
    [
        "id", "contentHash", "address", "document", "key", "itemId", "kind", "title", "sectionPath", "startLine", "endLine",
        "state", "status", "priority", "priorityLabel", "owner", "due", "overdue", "effort", "effortHours", "category",
        "criteriaTotal", "criteriaChecked", "dependsOn", "text",
    ];

    /// <summary>How list values are joined in one CSV cell: the section path, then the IDs an item depends on.</summary>
    public const string SectionSeparator = " > ";

    public const string ListSeparator = ", ";

    // One record per line: the same shape as `--format json`'s items, not indented.
    private static readonly JsonSerializerOptions Lines = new(PunchJson.Options) { WriteIndented = false };

    public static void Json(Stream stream, ExportJson export) =>
        JsonSerializer.Serialize(stream, export, (JsonTypeInfo<ExportJson>)PunchJson.Options.GetTypeInfo(typeof(ExportJson)));

    public static void JsonLines(Stream stream, IEnumerable<ExportItemJson> items)
    {
        var type = (JsonTypeInfo<ExportItemJson>)Lines.GetTypeInfo(typeof(ExportItemJson));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = ReadableEncoder.Instance });
        foreach (var item in items)
        {
            JsonSerializer.Serialize(json, item, type);
            json.Flush();
            stream.WriteByte((byte)'\n');
            json.Reset(stream); // each line a document of its own: no separator before the next
        }
    }

    /// <summary>RFC 4180 (CsvHelper's defaults): a header, CRLF after every record, fields quoted when they hold a comma, a quote or a line break; UTF-8 without a byte order mark.</summary>
    public static void Csv(Stream stream, IEnumerable<ExportItemJson> items)
    {
        using var csv = CsvWriter.Create(stream, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteHeader(Columns);
        foreach (var item in items)
        {
            csv.WriteRecord(Row(item));
        }
    }

    /// <summary>An item as CSV cells: numbers in invariant culture, booleans as true/false, null as an empty cell.</summary>
    public static string?[] Row(ExportItemJson export)
    {
        var item = export.Item;
        return
        [
            export.Id, export.ContentHash, item.Address, item.Document, item.Key, item.Id, item.Kind, item.Title,
            string.Join(SectionSeparator, item.SectionPath), Number(export.StartLine), Number(export.EndLine),
            item.State, item.Status, item.Priority, item.PriorityLabel, item.Owner, item.Due, item.Overdue ? "true" : "false",
            item.Effort?.Text, item.Effort?.Hours?.ToString(CultureInfo.InvariantCulture), item.Category,
            Number(item.Criteria.Total), Number(item.Criteria.Checked), string.Join(ListSeparator, item.DependsOn), export.Text,
        ];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
