namespace Punchlist.Json;

/// <summary>`punchlist.evidence/1`: per item a verdict and the evidence behind it.</summary>
public sealed record EvidenceReportJson(string Schema, string Today, bool CommandsRun, IReadOnlyList<ItemEvidenceJson> Items, EvidenceTotalsJson Totals)
{
    public const string Version = "punchlist.evidence/1";
}

public sealed record ItemEvidenceJson(
    string Key,
    string Address,
    string Document,
    int Line,
    string Title,
    string State,
    string Verdict,
    bool MayBeDone,
    IReadOnlyList<EvidenceItemJson> Evidence,
    IReadOnlyList<MatchJson> Matches);

public sealed record EvidenceItemJson(
    string Kind,
    string Ref,
    bool? Ok,
    string Detail,
    string? Role,
    int? Criterion,
    bool Claimed,
    bool Decisive,
    CitationJson? Source,
    IReadOnlyList<CitationJson> Citations,
    IReadOnlyList<string> Output);

public sealed record CitationJson(string File, int? Line, string? Text);

public sealed record MatchJson(string Probe, int? Criterion, string Via, string Reason);

/// <summary>Done items split by verdict (verified + contradicted + unknown = done); items not done with a ticked criterion contradicted; items not done that may be.</summary>
public sealed record EvidenceTotalsJson(int Items, int WithEvidence, int Done, int Verified, int Contradicted, int Unknown, int ContradictedCriteria, int MayBeDone);

/// <summary>`punchlist.probes/1`: the probe catalogue.</summary>
public sealed record ProbeCatalogueJson(string Schema, IReadOnlyList<ProbeJson> Probes);

public sealed record ProbeJson(string Id, string Title, string Area, string Terms, IReadOnlyList<string> Scopes, bool NeedsScope, IReadOnlyList<string> Refines);
