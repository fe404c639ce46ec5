using System.Text.Json.Serialization;
using Punchlist.Json;

namespace Punchlist.Mcp;

/// <summary>
/// `search_items`: one page of ranked items. <c>Results</c> are the compact rows of `punch search
/// --json`; <c>Items</c>, only when the call asked for `compact: false`, the same items in full as
/// `punch list --json` gives them. <c>NextCursor</c> fetches the next page; null on the last.
/// </summary>
internal sealed record SearchPageJson(string Schema, string Query, int Total, int Offset, IReadOnlyList<SearchResultJson> Results, IReadOnlyList<ItemJson>? Items, string? NextCursor);

/// <summary>`get_item`: `punch show --json`'s item, with its findings and the evidence for and against it.</summary>
internal sealed record ItemViewJson(
    string Schema,
    ItemJson Item,
    IReadOnlyList<FieldJson> Fields,
    IReadOnlyList<CriterionJson> CriteriaList,
    SourceJson Source,
    IReadOnlyList<FindingJson> Findings,
    ItemEvidenceJson Evidence);

/// <summary>`list_findings`: one page of `punch check --json`'s findings; <c>Totals</c> counts every finding that matched the filters.</summary>
internal sealed record FindingsPageJson(string Schema, string Today, int Trackers, FindingCountsJson Totals, int Offset, IReadOnlyList<FindingJson> Findings, string? NextCursor);

/// <summary>
/// `tick_criterion` and `set_status`: the change as a diff, whether it was written, and why it would
/// be refused. <c>DocumentHash</c> is the SHA-256 of the file the diff was made against: passed back as
/// `expected_hash`, a write is refused if the file changed in between.
/// </summary>
internal sealed record EditJson(
    string Schema,
    string Address,
    int? Criterion,
    string Change,
    bool Applied,
    bool Changed,
    string Document,
    string DocumentHash,
    string Diff,
    IReadOnlyList<SyncChangeJson> Changes,
    IReadOnlyList<EvidenceItemJson> Contradictions,
    IReadOnlyList<string> Warnings,
    string Message)
{
    public const string Version = "punchlist.edit/1";
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SearchPageJson))]
[JsonSerializable(typeof(ItemViewJson))]
[JsonSerializable(typeof(FindingsPageJson))]
[JsonSerializable(typeof(EditJson))]
internal sealed partial class McpJsonContext : JsonSerializerContext;
