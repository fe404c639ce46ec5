using Punchlist.Evidence.Matching;
using Punchlist.Model;

namespace Punchlist.Evidence;

/// <summary>Everything the workspace holds for or against one item, and the verdict it adds up to.</summary>
public sealed class ItemEvidence
{
    public required TrackerDocument Document { get; init; }

    public required Item Item { get; init; }

    public required IReadOnlyList<EvidenceRecord> Records { get; init; }

    /// <summary>Which probes were tied to the item and why (what `--explain` prints).</summary>
    public required IReadOnlyList<ProbeMatch> Matches { get; init; }

    /// <summary>The paths, globs and probes this evidence was gathered from, with their answers.</summary>
    public required Analysis.Findings.Consulted Consulted { get; init; }

    public Verdict Verdict
    {
        get
        {
            if (Records.Any(r => r is { Decisive: true, Claimed: true, Ok: false }))
            {
                return Verdict.Contradicted;
            }

            return Item.State == ItemState.Done && Records.Any(r => r is { Decisive: true, Ok: true })
                ? Verdict.Verified
                : Verdict.Unknown;
        }
    }

    /// <summary>An item not yet done whose decisive evidence all holds: the work may be finished already.</summary>
    public bool MayBeDone =>
        !Item.State.IsClosed() && Records.Any(r => r.Decisive) && Records.Where(r => r.Decisive).All(r => r.Ok == true);

    public IEnumerable<EvidenceRecord> Failing => Records.Where(r => r is { Decisive: true, Claimed: true, Ok: false });
}
