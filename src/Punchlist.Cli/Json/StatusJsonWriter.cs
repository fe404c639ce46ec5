using System.Text.Json;

namespace Punchlist.Cli.Json;

/// <summary>
/// Writes `punchlist.status/1` straight to a <see cref="Utf8JsonWriter"/>, byte for byte what the
/// source-generated serializer writes for <see cref="StatusJson"/> (a test holds the two together).
/// Written by hand because a status is the one document that grows with the workspace: for 10,000
/// trackers (10 MB) the serializer took 90 ms of a fresh process, this 35 ms; the other schemas go
/// through <see cref="JsonOutput"/>'s serializer.
/// </summary>
internal static class StatusJsonWriter
{
    // Flush to the stream every so often: a status of thousands of trackers should not sit in memory.
    private const int FlushAfter = 1 << 16;

    public static void Write(Stream stream, StatusJson report)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schema", report.Schema);
        json.WriteString("today", report.Today);
        json.WriteStartArray("documents");
        foreach (var document in report.Documents)
        {
            json.WriteStartObject();
            json.WriteString("path", document.Path);
            json.WriteString("title", document.Title);
            WriteCounts(json, document.Items, document.Checkboxes, document.Criteria, document.ByPriority, document.Progress, document.Overdue, document.Findings, document.Verification);
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
        WriteCounts(json, totals.Items, totals.Checkboxes, totals.Criteria, totals.ByPriority, totals.Progress, totals.Overdue, totals.Findings, totals.Verification);
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
                WriteBoxes(json, "criteria", group.Criteria);
                WriteProgress(json, group.Progress);
                json.WriteNumber("overdue", group.Overdue);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    // What a document and the totals have in common, in the order of their records.
    private static void WriteCounts(Utf8JsonWriter json, StateCountsJson items, BoxCountJson checkboxes, BoxCountJson criteria,
        IReadOnlyDictionary<string, PriorityCountJson> byPriority, ProgressJson progress, int overdue, FindingCountsJson findings, VerificationJson verification)
    {
        WriteStates(json, items);
        WriteBoxes(json, "checkboxes", checkboxes);
        WriteBoxes(json, "criteria", criteria);
        json.WriteStartObject("byPriority");
        foreach (var (name, count) in byPriority)
        {
            json.WriteStartObject(name);
            json.WriteNumber("total", count.Total);
            json.WriteNumber("done", count.Done);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        WriteProgress(json, progress);
        json.WriteNumber("overdue", overdue);
        json.WriteStartObject("findings");
        json.WriteNumber("total", findings.Total);
        json.WriteNumber("error", findings.Error);
        json.WriteNumber("warning", findings.Warning);
        json.WriteNumber("note", findings.Note);
        json.WriteEndObject();
        json.WriteStartObject("verification");
        json.WriteNumber("done", verification.Done);
        json.WriteNumber("verified", verification.Verified);
        json.WriteNumber("contradicted", verification.Contradicted);
        json.WriteNumber("unknown", verification.Unknown);
        json.WriteEndObject();
    }

    private static void WriteStates(Utf8JsonWriter json, StateCountsJson items)
    {
        json.WriteStartObject("items");
        json.WriteNumber("total", items.Total);
        json.WriteNumber("open", items.Open);
        json.WriteNumber("inProgress", items.InProgress);
        json.WriteNumber("done", items.Done);
        json.WriteNumber("blocked", items.Blocked);
        json.WriteNumber("cancelled", items.Cancelled);
        json.WriteEndObject();
    }

    private static void WriteBoxes(Utf8JsonWriter json, string name, BoxCountJson boxes)
    {
        json.WriteStartObject(name);
        json.WriteNumber("total", boxes.Total);
        json.WriteNumber("checked", boxes.Checked);
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
