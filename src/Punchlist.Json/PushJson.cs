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
    IReadOnlyList<PushDocumentJson> Documents,
    IReadOnlyList<PushDayJson>? History = null)
{
    /// <summary>How many days of history a push carries at most: the days up to its today.</summary>
    public const int HistoryDays = 90;

    public const string Version = "punchlist.push/1";
}

/// <summary>
/// One day of the repository's burn-up, from `punch history` (its index's history of the trackers in
/// git): how many items were in scope and how many done at the day's end. A push carries the last
/// <see cref="PushJson.HistoryDays"/> days when the repository has history; none otherwise.
/// </summary>
public sealed record PushDayJson(string Day, int Scope, int Done);

/// <summary>
/// The commit scanned: its full id, when it was committed (what orders pushes: a commit committed
/// earlier than the repository's head never replaces it), and the branch when known.
/// </summary>
public sealed record PushCommitJson(string Sha, DateTimeOffset CommittedAt, string? Branch);

/// <summary>
/// One tracker at that commit. <c>Sha256</c> is the SHA-256 of its bytes: the server keeps one copy
/// of a document's items per content hash, so a tracker unchanged by a commit stores nothing new.
/// <c>ReviewDue</c> is when its next review falls due as PL005 judges it (`is:stale` on the server).
/// </summary>
public sealed record PushDocumentJson(
    string Path,
    string Sha256,
    string? Title,
    IReadOnlyList<PushItemJson> Items,
    IReadOnlyList<FindingJson> Findings,
    IReadOnlyList<VerdictJson> Evidence,
    string? ReviewDue = null);

/// <summary>
/// An item as `punch show --json` lists it, with what the server searches and filters on that the
/// item's JSON leaves out, as the embedded index keeps it: its criteria's text, its metadata values
/// (<c>Fields</c>, one per line), the rest of its text (<c>Body</c>), the technologies it names
/// (`tech:`) and whether its declared status contradicts its boxes (PL002, `is:contradicted`).
/// Pushes by an older punch lack the last four: the server then finds the item by title, criteria and
/// headings only.
/// </summary>
public sealed record PushItemJson(
    ItemJson Item,
    IReadOnlyList<PushCriterionJson> Criteria,
    string? Fields = null,
    string? Body = null,
    IReadOnlyList<string>? Tech = null,
    bool Contradicted = false);

public sealed record PushCriterionJson(string Text, bool Checked);

/// <summary>An item's evidence verdict (`verified`, `contradicted`, `unknown`), by the item's key; items with no evidence at all are left out.</summary>
public sealed record VerdictJson(string Key, string Verdict);
