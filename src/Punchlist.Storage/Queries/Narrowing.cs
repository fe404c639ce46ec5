namespace Punchlist.Storage.Queries;

/// <summary>Whether a ranked query with few results wanted ranks only the first groups of its matches.</summary>
internal enum Narrowing
{
    /// <summary>When it costs less than ranking every match (<see cref="NarrowingCost"/>).</summary>
    ByCost,

    /// <summary>Whenever there is a match (tests compare it with <see cref="Never"/>).</summary>
    Always,

    Never,
}

/// <summary>
/// Narrowing asks FTS5 for the query's matches that are also in the first groups: the query's walk of
/// its doclists plus three more with column filters, about four walks in all, where ranking every match
/// takes one walk and about a microsecond of ranking per match. The count has just timed one walk of
/// the same expression. For a word a third of a million items hold, a walk is 8 ms and ranking them
/// all 348 ms on one connection: narrowing wins by far. For a phrase of two common words a walk checks positions in every
/// item holding both words (100,000) for 8,000 matches: a walk costs more than ranking them all, and
/// narrowing loses by far (140 ms against 56, both on two cores).
/// </summary>
internal static class NarrowingCost
{
    /// <summary>Below this many matches ranking them all is cheap whatever the walks cost.</summary>
    public const int Floor = 1000;

    // From the query bench's million items (docs/BENCHMARKS.md): ranking all 287,000 matches of the
    // commonest word took 191 ms on two connections, about 180 of them past its count and walk, so
    // about 1.25 µs of processor time per match (two calls of punch_rank, the rows joined, the sort);
    // and the walks that narrowing adds to the one that ranking every match needs.
    private const double RankMsPerMatch = 0.00125;
    private const double ExtraWalks = 3;

    /// <summary>
    /// Whether to narrow, given the mode, the matches and the processor time of one walk of the query's
    /// doclists (the count's time, times the connections that counted).
    /// </summary>
    public static bool Narrow(Narrowing mode, int total, double walkMs) => mode switch
    {
        Narrowing.Always => total > 0,
        Narrowing.Never => false,
        _ => total > Floor && ExtraWalks * walkMs < total * RankMsPerMatch,
    };
}
