namespace Punchlist.Json;

/// <summary>
/// `punchlist.push/1`: one scan of one repository at one commit, as `punch push` sends it and a
/// team server stores it. <c>Status</c> is exactly what `punch status --json` prints for the same
/// checkout and day; <c>Documents</c> hold what the server needs to serve pages and search without
/// the repository: each tracker's content hash, its items, findings and evidence verdicts.
/// </summary>
public sealed record PushJson(
    string Schema,
    string Repository,
    PushCommitJson Commit,
    string Today,
    StatusJson Status,
    IReadOnlyList<PushDocumentJson> Documents)
{
    public const string Version = "punchlist.push/1";
}

/// <summary>
/// The commit scanned: its full id, when it was committed (what orders pushes: a commit committed
/// earlier than the repository's head never replaces it), and the branch when known.
/// </summary>
public sealed record PushCommitJson(string Sha, DateTimeOffset CommittedAt, string? Branch);

/// <summary>
/// One tracker at that commit. <c>Sha256</c> is the SHA-256 of its bytes: the server keeps one copy
/// of a document's items per content hash, so a tracker unchanged by a commit stores nothing new.
/// </summary>
public sealed record PushDocumentJson(
    string Path,
    string Sha256,
    string? Title,
    IReadOnlyList<PushItemJson> Items,
    IReadOnlyList<FindingJson> Findings,
    IReadOnlyList<VerdictJson> Evidence);

/// <summary>An item as `punch show --json` lists it, with its criteria's text (searched on the server).</summary>
public sealed record PushItemJson(ItemJson Item, IReadOnlyList<PushCriterionJson> Criteria);

public sealed record PushCriterionJson(string Text, bool Checked);

/// <summary>An item's evidence verdict (`verified`, `contradicted`, `unknown`), by the item's key; items with no evidence at all are left out.</summary>
public sealed record VerdictJson(string Key, string Verdict);
