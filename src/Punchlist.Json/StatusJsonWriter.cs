using System.Text.Json;

namespace Punchlist.Json;

/// <summary>
/// Writes `punchlist.status/1` straight to a <see cref="Utf8JsonWriter"/>, byte for byte what the
/// source-generated serializer writes for <see cref="StatusJson"/> (a test holds the two together).
/// Written by hand because a status is the one document that grows with the workspace: for 10,000
/// trackers (10 MB) the serializer took about 90 ms of a fresh process, a writer like this one about
/// 55 ms (measured on records of the same shape, outside punch); the other schemas go
/// through <see cref="JsonOutput"/>'s serializer.
/// </summary>
public static class StatusJsonWriter
{
    // Flush to the stream every so often: a status of thousands of trackers should not sit in memory.
    private const int FlushAfter = 1 << 16;

    public static void Write(Stream stream, StatusJson report)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = ReadableEncoder.Instance });
        json.WriteStartObject();
        json.WriteString("schema", report.Schema);
        json.WriteString("today", report.Today);
        json.WriteStartArray("documents");
        foreach (var document in report.Documents)
        {
            json.WriteStartObject();
            json.WriteString("path", document.Path);
            json.WriteString("title", document.Title);
            WriteCounts(json, document.Items, document.Checkboxes, document.Criteria, document.ByPriority, document.Progress, document.Overdue, document.Late, document.Findings, document.Verification, document.PastSla);
            json.WriteEndObject();
            if (json.BytesPending > FlushAfter)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        var totals = report.Totals;
        json.WriteStartObject("totals");
        json.WriteNumber("documents", totals.Documents);
        WriteCounts(json, totals.Items, totals.Checkboxes, totals.Criteria, totals.ByPriority, totals.Progress, totals.Overdue, totals.Late, totals.Findings, totals.Verification, totals.PastSla);
        json.WriteEndObject();
        if (report.Groups is null)
        {
            json.WriteNull("groups");
        }
        else
        {
            json.WriteStartArray("groups");
            foreach (var group in report.Groups)
            {
                json.WriteStartObject();
                json.WriteString("by", group.By);
                json.WriteString("name", group.Name);
                WriteStates(json, group.Items);
                WriteNumbers(json, "criteria", ("total", group.Criteria.Total), ("checked", group.Criteria.Checked));
                WriteProgress(json, group.Progress);
                json.WriteNumber("overdue", group.Overdue);
                json.WriteNumber("late", group.Late);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    // What a document and the totals have in common, in the order of their records.
    private static void WriteCounts(Utf8JsonWriter json, StateCountsJson items, BoxCountJson checkboxes, BoxCountJson criteria,
        IReadOnlyDictionary<string, PriorityCountJson> byPriority, ProgressJson progress, int overdue, int late, FindingCountsJson findings, VerificationJson verification, int pastSla)
    {
        WriteStates(json, items);
        WriteNumbers(json, "checkboxes", ("total", checkboxes.Total), ("checked", checkboxes.Checked));
        WriteNumbers(json, "criteria", ("total", criteria.Total), ("checked", criteria.Checked));
        json.WriteStartObject("byPriority");
        foreach (var (name, count) in byPriority)
        {
            WriteNumbers(json, name, ("total", count.Total), ("done", count.Done));
        }

        json.WriteEndObject();
        WriteProgress(json, progress);
        json.WriteNumber("overdue", overdue);
        json.WriteNumber("late", late);
        WriteNumbers(json, "findings", ("total", findings.Total), ("error", findings.Error), ("warning", findings.Warning), ("note", findings.Note));
        WriteNumbers(json, "verification", ("done", verification.Done), ("verified", verification.Verified), ("contradicted", verification.Contradicted), ("unknown", verification.Unknown));
        json.WriteNumber("pastSla", pastSla); // a property of the record's body: after its positional ones, as the serializer writes it
    }

    private static void WriteStates(Utf8JsonWriter json, StateCountsJson items) =>
        WriteNumbers(json, "items", ("total", items.Total), ("open", items.Open), ("inProgress", items.InProgress), ("done", items.Done), ("blocked", items.Blocked), ("cancelled", items.Cancelled));

    private static void WriteNumbers(Utf8JsonWriter json, string name, params ReadOnlySpan<(string Name, int Value)> numbers)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in numbers)
        {
            json.WriteNumber(key, value);
        }

        json.WriteEndObject();
    }

    private static void WriteProgress(Utf8JsonWriter json, ProgressJson progress)
    {
        json.WriteStartObject("progress");
        json.WriteString("basis", progress.Basis);
        json.WriteNumber("done", progress.Done);
        json.WriteNumber("total", progress.Total);
        if (progress.Percent is { } percent)
        {
            json.WriteNumber("percent", percent);
        }
        else
        {
            json.WriteNull("percent");
        }

        json.WriteEndObject();
    }
}
