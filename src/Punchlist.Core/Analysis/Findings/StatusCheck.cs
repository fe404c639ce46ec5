using Punchlist.Analysis.Policies;
using Punchlist.Evidence;
using Punchlist.Model;

namespace Punchlist.Analysis.Findings;

/// <summary>
/// What `punch status` shows of a document besides its items: how many findings `punch check`
/// reports there, by severity, how its done items fare against the repository's evidence, and which
/// items are past their SLA (PL004) — the half of "late" (<see cref="Lateness"/>) that the document's
/// summary cannot tell, since it needs the SLA policy and the git history.
/// </summary>
public sealed record CheckCounts(int Findings, int Errors, int Warnings, int Notes, int Done, int Verified, int Contradicted, int Unknown)
{
    public static readonly CheckCounts None = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The codes whose findings make an item late (<see cref="Lateness"/>): past its due date, past its SLA.</summary>
    public static readonly IReadOnlySet<string> LateCodes = new HashSet<string>(StringComparer.Ordinal) { "PL003", "PL004" };

    /// <summary>The document's items open past their SLA, in document order; empty in a sum of documents (<see cref="Add"/>).</summary>
    public IReadOnlyList<SlaBreach> PastSla { get; init; } = [];

    /// <summary>The counts of two documents (or sums) added up; the SLA breaches stay with their documents.</summary>
    public CheckCounts Add(CheckCounts other) => new(
        Findings + other.Findings, Errors + other.Errors, Warnings + other.Warnings, Notes + other.Notes,
        Done + other.Done, Verified + other.Verified, Contradicted + other.Contradicted, Unknown + other.Unknown);

    public bool Equals(CheckCounts? other) => other is not null
        && (Findings, Errors, Warnings, Notes, Done, Verified, Contradicted, Unknown) == (other.Findings, other.Errors, other.Warnings, other.Notes, other.Done, other.Verified, other.Contradicted, other.Unknown)
        && PastSla.SequenceEqual(other.PastSla);

    public override int GetHashCode() => HashCode.Combine(Findings, Errors, Warnings, Notes, Done, Verified, Contradicted, PastSla.Count);
}

/// <summary>A document's <see cref="CheckCounts"/> and everything they were computed from besides the document.</summary>
public sealed record StatusCheck(string Path, CheckCounts Counts, Consulted Consulted)
{
    /// <summary>
    /// Checks <paramref name="documents"/> with the whole catalogue (as `punch check` does) and judges
    /// their done items (as `punch verify` does, commands never run), against a workspace whose IDs
    /// <paramref name="workspace"/> knows. Returned in path order.
    /// </summary>
    public static List<StatusCheck> Of(IReadOnlyList<TrackerDocument> documents, WorkspaceFacts workspace, string root, DateOnly today,
        CheckPolicy policy, ICreationClock clock, WorkspaceEvidence evidence)
    {
        var checks = new FindingEngine(FindingRules.Default).CheckEach(documents, workspace, root, today, policy, clock, evidence);
        return checks.AsParallel().AsOrdered().Select(check =>
        {
            var findings = check.Findings;
            int verified = 0, contradicted = 0, unknown = 0;
            foreach (var item in check.Document.Items.Where(i => i.State == ItemState.Done))
            {
                var judged = evidence.For(check.Document, item);
                check.Consulted.Add(judged.Consulted);
                switch (judged.Verdict)
                {
                    case Verdict.Verified: verified++; break;
                    case Verdict.Contradicted: contradicted++; break;
                    default: unknown++; break;
                }
            }

            var counts = new CheckCounts(
                findings.Count,
                findings.Count(f => f.Severity == Severity.Error),
                findings.Count(f => f.Severity == Severity.Warning),
                findings.Count(f => f.Severity == Severity.Note),
                verified + contradicted + unknown,
                verified,
                contradicted,
                unknown)
            {
                PastSla = check.PastSla,
            };
            return new StatusCheck(check.Document.Path, counts, check.Consulted);
        }).ToList();
    }
}
