namespace Punchlist.Json;

/// <summary>`punchlist.export/1`: `punch export --format json`, every item of the trackers read, in document order.</summary>
public sealed record ExportJson(string Schema, string Today, int Documents, IReadOnlyList<ExportItemJson> Items)
{
    public const string Version = "punchlist.export/1";
}

/// <summary>
/// One exported item (also one line of `--format jsonl`): its stable <c>Id</c> and <c>ContentHash</c>,
/// the item as `punch list --json` shows it, the lines it spans, its fields and criteria as `punch show
/// --json` lists them, and its own text (the lines of the items nested in it left out).
/// </summary>
public sealed record ExportItemJson(
    string Id,
    string ContentHash,
    ItemJson Item,
    int StartLine,
    int EndLine,
    IReadOnlyList<FieldJson> Fields,
    IReadOnlyList<CriterionJson> CriteriaList,
    string Text);
