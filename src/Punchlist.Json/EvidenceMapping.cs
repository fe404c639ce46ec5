using Punchlist.Evidence;
using Punchlist.Evidence.Probes;
using Punchlist.Model;
using Punchlist.Workspaces;

namespace Punchlist.Json;

/// <summary>From evidence to the `punchlist.evidence/1` and `punchlist.probes/1` shapes.</summary>
public static class EvidenceMapping
{
    public static ItemEvidenceJson Item(ItemEvidence evidence) => new(
        evidence.Item.Key,
        Workspace.Address(evidence.Document, evidence.Item),
        evidence.Document.Path,
        evidence.Item.Position.Line,
        evidence.Item.Title,
        evidence.Item.State.Name(),
        evidence.Verdict.Name(),
        evidence.MayBeDone,
        evidence.Records.Select(Record).ToList(),
        evidence.Matches.Select(m => new MatchJson(m.Probe, m.Criterion, JsonMapping.Lower(m.Via.ToString()), m.Reason)).ToList());

    public static EvidenceTotalsJson Totals(IReadOnlyList<ItemEvidence> items)
    {
        var done = items.Where(i => i.Item.State == ItemState.Done).ToList();
        return new EvidenceTotalsJson(
            items.Count,
            items.Count(i => i.Records.Count > 0),
            done.Count,
            done.Count(i => i.Verdict == Verdict.Verified),
            done.Count(i => i.Verdict == Verdict.Contradicted),
            done.Count(i => i.Verdict == Verdict.Unknown),
            items.Count(i => i.Item.State != ItemState.Done && i.Verdict == Verdict.Contradicted),
            items.Count(i => i.MayBeDone));
    }

    public static ProbeCatalogueJson Catalogue(IEnumerable<IProbe> probes) => new("punchlist.probes/1", probes.Select(p => new ProbeJson(
        p.Info.Id, p.Info.Title, p.Info.Area, p.Info.Terms.ToString(), p.Info.Terms.Scopes.Select(s => JsonMapping.Lower(s.ToString())).ToList(),
        p.Info.Terms.NeedsScope, p.Info.Refines)).ToList());

    public static EvidenceItemJson Record(EvidenceRecord r) => new(
        JsonMapping.Lower(r.Kind.ToString()),
        r.Ref,
        r.Ok,
        r.Detail,
        r.Role,
        r.Criterion,
        r.Claimed,
        r.Decisive,
        r.Source is null ? null : Citation(r.Source),
        r.Citations.Select(Citation).ToList(),
        r.Output);

    private static CitationJson Citation(Citation c) => new(c.File, c.Line > 0 ? c.Line : null, c.Text);
}
