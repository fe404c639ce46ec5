using System.Runtime.CompilerServices;
using Punchlist.Model;

namespace Punchlist.Analysis.Claims;

/// <summary>A claim whose label matched nothing with confidence, and why (shown by `--explain`).</summary>
internal sealed record UnmatchedClaim(Claim Claim, string Reason);

/// <summary>
/// Every claim of a document judged: the false ones with their corrections, and the ones left alone
/// because their label names nothing Punchlist can count with confidence.
/// </summary>
internal sealed record ClaimAnalysis(IReadOnlyList<ClaimMismatch> Mismatches, IReadOnlyList<UnmatchedClaim> Unmatched)
{
    // PL001 judges a document's claims and `check --explain` then asks which were left unjudged: the
    // analysis is kept as long as its document (which never changes once read), so it is done once.
    private static readonly ConditionalWeakTable<TrackerDocument, ClaimAnalysis> Analyses = new();

    public static ClaimAnalysis Of(TrackerDocument document) => Analyses.GetValue(document, Analyse);

    private static ClaimAnalysis Analyse(TrackerDocument document)
    {
        var index = new GroupIndex(document);
        var rows = new RowLabels(document);
        var read = ClaimReader.Read(document, rows);
        var tables = read.Where(c => c.Table is not null).Select(c => c.Table!).Distinct().ToList();
        var wide = tables.Where(t => NamesOtherSections(index, rows, t)).ToHashSet();
        var claims = read.Select(c => c.Table is { } t && wide.Contains(t) ? c with { DocumentWide = true } : c).ToList();
        var matches = claims.Select(c => (Claim: c, Match: LabelMatcher.Match(index, c, out string why), Why: why)).ToList();

        // A dashboard mirrors the document: at least two thirds of its rows name groups of it. In a
        // table where more rows name nothing here (test files, servers, an assessment's own
        // categories), the rows that happen to match a heading, and its `TOTAL`, are not claims
        // about this document.
        var foreign = tables.Where(t => Foreign(index, rows, t)).ToHashSet();

        var mismatches = new List<ClaimMismatch>();
        var unmatched = new List<UnmatchedClaim>();
        foreach (var (claim, match, why) in matches)
        {
            if (match is null)
            {
                unmatched.Add(new UnmatchedClaim(claim, why));
            }
            else if (claim.Table is { } table && foreign.Contains(table))
            {
                unmatched.Add(new UnmatchedClaim(claim, "most rows of its table name nothing in this document, so it is not read as a dashboard of this document"));
            }
            else if (ClaimJudge.Judge(claim, match, document.Source.Text) is { } mismatch)
            {
                mismatches.Add(mismatch);
            }
        }

        return new ClaimAnalysis(mismatches, unmatched);
    }

    // A breakdown whose rows name sections outside the one the table stands in (a dashboard written
    // after the last section's tasks) sums up the document, not that section.
    private static bool NamesOtherSections(GroupIndex index, RowLabels rows, TableModel table)
    {
        var around = index.Around(table.Span.Start);
        return table.Body.Where(r => r.Cells.Count > 0)
            .Select(r => LabelMatcher.NamedSection(index, rows.Of(r)))
            .Any(s => s is not null && around is not null && s != around && !s.Ancestors().Contains(around));
    }

    private static bool Foreign(GroupIndex index, RowLabels rows, TableModel table)
    {
        var labels = table.Body.Where(r => r.Cells.Count > 0).Select(rows.Of)
            .Where(l => l.Length > 0 && !LabelMatcher.IsGeneric(l))
            .ToList();
        int named = labels.Count(l => LabelMatcher.NamesGroup(index, l));
        return labels.Count > 0 && 3 * named < 2 * labels.Count;
    }
}
