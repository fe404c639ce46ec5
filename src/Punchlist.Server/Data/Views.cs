using Punchlist.Analysis;
using Punchlist.Analysis.Findings;
using Punchlist.Evidence;
using Punchlist.Model;

namespace Punchlist.Server.Data;

/// <summary>
/// One item as its page and the API show it: the document it was parsed from (fresh), its findings
/// and evidence, and the ETag of its file's content (what a write's If-Match must name).
/// </summary>
public sealed record ItemView(TrackerDocument Document, Item Item, string ETag, IReadOnlyList<Finding> Findings, ItemEvidence Evidence, DateOnly Today)
{
    public string Address => Workspaces.Workspace.Address(Document, Item);
}

/// <summary>One tracker, parsed fresh, with its findings, its summary and check counts, and the ETag of its content.</summary>
/// <param name="ReviewDue">When its next review falls due, as PL005 judges it (null: it states no review).</param>
public sealed record DocumentView(TrackerDocument Document, DocumentSummary Summary, CheckCounts Checks, IReadOnlyList<Finding> Findings, string ETag, DateOnly Today, DateOnly? ReviewDue);

/// <summary>A write asked for: tick or untick criterion <see cref="Criterion"/> (1-based), or with none set the item's own box or status.</summary>
public sealed record ItemWrite(string Address, int? Criterion, bool Done);

/// <summary>What a write did: changed the file (its new ETag), or found it already so.</summary>
public sealed record WriteOutcome(bool Changed, string ETag, string Address, string Diff);

/// <summary>An address that is malformed (<see cref="Malformed"/>) or that names no item or several.</summary>
public sealed class AddressException(string message, bool malformed) : Exception(message)
{
    public bool Malformed { get; } = malformed;
}

/// <summary>The file changed since the ETag the write was based on; nothing was written.</summary>
public sealed class PreconditionFailedException(string message, string current) : Exception(message)
{
    public string Current { get; } = current;
}
