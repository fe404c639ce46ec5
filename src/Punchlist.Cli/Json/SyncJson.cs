using System.Text.Json;
using System.Text.Json.Serialization;
using Punchlist.Editing.Sync;

namespace Punchlist.Cli.Json;

/// <summary>`punchlist.sync/1`: what `punch sync`, `done` and `reopen` changed or would change.</summary>
internal sealed record SyncJson(string Schema, bool Written, IReadOnlyList<SyncDocumentJson> Documents)
{
    public const string Version = "punchlist.sync/1";

    public static SyncJson From(IEnumerable<SyncResult> results, bool written) => new(
        Version,
        written,
        results.Where(r => r.Changed || r.Skipped.Count > 0)
            .Select(r => new SyncDocumentJson(r.Document.Path, r.Changes.Select(Change).ToList(), r.Skipped.Select(Change).ToList(), r.Diff().ToString()))
            .ToList());

    private static readonly SyncJsonContext Context = new(new JsonSerializerOptions(SyncJsonContext.Default.Options) { Encoder = ReadableEncoder.Instance });

    public void Write(TextWriter output) => output.WriteLine(JsonSerializer.Serialize(this, Context.SyncJson));

    private static SyncChangeJson Change(SyncChange c) =>
        new(JsonNamingPolicy.CamelCase.ConvertName(c.Kind.ToString()), c.Position.Line, c.Position.Column, c.Old, c.New, c.Why);
}

internal sealed record SyncDocumentJson(string Path, IReadOnlyList<SyncChangeJson> Changes, IReadOnlyList<SyncChangeJson> Skipped, string Diff);

internal sealed record SyncChangeJson(string Kind, int Line, int Column, string Old, string New, string Why);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SyncJson))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;
