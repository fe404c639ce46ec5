namespace Punchlist.Json;

/// <summary>
/// `punchlist.overview/2`: a team server's organisation overview, one page of repositories at a time.
/// <c>Totals</c> add up every repository's head's `punchlist.status/1` totals, field by field (each as
/// its push judged it), whatever the page; <c>Page</c> says which page of the repositories, ordered by
/// readiness (least ready first), <c>Repositories</c> holds; <c>Attention</c> lists the open P0 and P1
/// items of every head that are overdue or past their SLA, with their owners (the same on every page).
/// Version 1 listed every repository in one answer: 1.7 MB at a thousand repositories.
/// </summary>
public sealed record OverviewJson(string Schema, string Today, TotalsJson Totals, OverviewPageJson Page, IReadOnlyList<RepositoryJson> Repositories, IReadOnlyList<AttentionJson> Attention)
{
    public const string Version = "punchlist.overview/2";
}

/// <summary>
/// Which page of the repositories an overview holds: <c>Number</c> of <c>Pages</c> (from 1; an
/// organisation without repositories has one empty page), at most <c>Size</c> each, of
/// <c>Repositories</c> in all; <c>Previous</c> and <c>Next</c> are the neighbouring pages' links (null at either end).
/// </summary>
public sealed record OverviewPageJson(int Number, int Pages, int Size, int Repositories, string? Previous, string? Next);

/// <summary>`punchlist.repositories/1`: every repository with a pushed head.</summary>
public sealed record RepositoriesJson(string Schema, IReadOnlyList<RepositoryJson> Repositories)
{
    public const string Version = "punchlist.repositories/1";
}

/// <summary>
/// A repository's head: the commit, when it was committed and pushed, its status totals, and its
/// readiness: the percentage of its P0 and P1 items done (null when it has none).
/// </summary>
public sealed record RepositoryJson(
    string Name,
    string Commit,
    DateTimeOffset CommittedAt,
    string? Branch,
    DateTimeOffset PushedAt,
    int? Readiness,
    int OpenP0,
    TotalsJson Totals);

/// <summary>An open P0 or P1 item that is overdue (its due date passed) or past its SLA (PL004), in some repository's head.</summary>
public sealed record AttentionJson(string Repository, string Address, string Title, string Priority, string State, string? Owner, string? Due, bool Overdue, bool SlaBreached);

/// <summary>
/// `punchlist.teamsearch/2`: the items of every repository's head (those the token may read) that
/// the query selects, in its order (best first by PostgreSQL's ts_rank_cd when it has words);
/// <c>Results</c> holds at most the limit. <c>Total</c> counts every item selected when
/// <c>TotalExact</c>; a query with words ranks and counts a bounded number of the items it selects
/// (the first found), and when more match, <c>Total</c> is that bound and <c>TotalExact</c> false.
/// Version 1 ranked and counted every match, which took seconds for a common word.
/// </summary>
public sealed record TeamSearchJson(string Schema, string Query, long Total, bool TotalExact, IReadOnlyList<TeamResultJson> Results)
{
    public const string Version = "punchlist.teamsearch/2";
}

/// <summary>One result: <c>Late</c> is overdue (judged on the server's today) or past its SLA as its push's check found (PL004).</summary>
public sealed record TeamResultJson(string Repository, double Rank, bool Late, ItemJson Item);

/// <summary>
/// `punchlist.teamhistory/1`: the burn-up by day of one repository, or summed over every repository
/// the request may read (each counting as its latest day stood), from the history its pushes carried.
/// </summary>
public sealed record TeamHistoryJson(string Schema, string? Repository, string Since, string Until, IReadOnlyList<TeamDayJson> Days)
{
    public const string Version = "punchlist.teamhistory/1";
}

public sealed record TeamDayJson(string Day, int Scope, int Done);
