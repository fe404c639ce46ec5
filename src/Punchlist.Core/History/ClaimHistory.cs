namespace Punchlist.History;

/// <summary>
/// A claim of a document that was false at some point: when it last became false (null when it was
/// false from the commit that wrote it), whether it was ever true, and whether it still is false at
/// the end of the history (or when its document or the claim was last seen).
/// </summary>
public sealed record ClaimTurn(string Document, string Label, string Declared, HistoryCommit FirstSeen, HistoryCommit? BecameFalse, bool NeverTrue, bool StillFalse);

/// <summary>
/// Follows each document's claims (PL001's: dashboard cells, summary lines) through its versions and
/// reports those that became false, and when. A claim is known by where it is written (its row and
/// column, or its key), so a number rewritten in place is the same claim (pure).
/// </summary>
public static class ClaimHistory
{
    /// <param name="versions">Each document's versions in commit order (documents may interleave).</param>
    public static List<ClaimTurn> Of(IEnumerable<(string Document, HistoryCommit Commit, IReadOnlyList<ClaimVersion> Claims)> versions)
    {
        var claims = new Dictionary<(string Document, string Label), State>();
        foreach (var (document, commit, list) in versions)
        {
            var labels = new HashSet<string>(StringComparer.Ordinal);
            foreach (var claim in list)
            {
                if (!labels.Add(claim.Label))
                {
                    continue; // the same label twice in one version: the first is the claim
                }

                if (!claims.TryGetValue((document, claim.Label), out var state))
                {
                    claims[(document, claim.Label)] = state = new State(commit);
                }

                state.Declared = claim.Declared;
                if (!claim.Holds && state.Holds is not false)
                {
                    state.BecameFalse = state.Holds is null ? null : commit;
                    state.EverFalse = true;
                }

                state.EverTrue |= claim.Holds;
                state.Holds = claim.Holds;
            }
        }

        return claims.Where(c => c.Value.EverFalse)
            .Select(c => new ClaimTurn(c.Key.Document, c.Key.Label, c.Value.Declared, c.Value.FirstSeen, c.Value.BecameFalse, !c.Value.EverTrue,
                c.Value.Holds == false))
            .OrderBy(t => t.Document, StringComparer.Ordinal).ThenBy(t => t.FirstSeen.Seq)
            .ToList();
    }

    private sealed class State(HistoryCommit firstSeen)
    {
        public HistoryCommit FirstSeen => firstSeen;

        public string Declared { get; set; } = string.Empty;

        public bool? Holds { get; set; }

        public bool EverTrue { get; set; }

        public bool EverFalse { get; set; }

        public HistoryCommit? BecameFalse { get; set; }
    }
}
