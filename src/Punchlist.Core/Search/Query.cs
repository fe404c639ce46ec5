using DotNet.Globbing;
using Punchlist.Model;

namespace Punchlist.Search;

/// <summary>
/// A parsed query: a tree of words, phrases and filters joined by AND (juxtaposition), OR and NOT
/// (`-`), and how to sort what matches. Positions are offsets into <see cref="Text"/>.
/// </summary>
public sealed record Query(string Text, QueryNode? Root, SortOrder Sort)
{
    public static Query Parse(string text, QueryContext context) => new QueryParser(text, context).Parse();

    /// <summary>True when the query has words or phrases that are required, which is when results are ranked.</summary>
    public bool IsRanked => SearchPlan.Of(this).Ranked is not null;
}

/// <summary>What a query's relative values mean: the day `today` is, and how many hours make a day.</summary>
public sealed record QueryContext(DateOnly Today, double HoursPerDay = 8)
{
    public TechDictionary Tech { get; init; } = TechDictionary.Default;
}

public abstract record QueryNode(int Position);

/// <summary>Every part must match (words side by side).</summary>
public sealed record AllOf(IReadOnlyList<QueryNode> Parts, int Position) : QueryNode(Position);

/// <summary>At least one part must match (`a OR b`).</summary>
public sealed record AnyOf(IReadOnlyList<QueryNode> Parts, int Position) : QueryNode(Position);

/// <summary>The part must not match (`-word`, `-field:value`).</summary>
public sealed record Not(QueryNode Part, int Position) : QueryNode(Position);

/// <summary>A word (stemmed: `backups` finds `backup`; `back*` is a prefix) or an exact phrase.</summary>
public sealed record Words(string Text, bool IsPhrase, bool IsPrefix, int Position) : QueryNode(Position);

/// <summary>A `field:value` filter; see the records below.</summary>
public abstract record Filter(int Position) : QueryNode(Position);

/// <summary>`id:MH-`: the item's ID starts with the prefix, case ignored.</summary>
public sealed record IdFilter(string Prefix, int Position) : Filter(Position);

/// <summary>`priority:p0..p1`: the item's rank is one of these (null is no priority).</summary>
public sealed record PriorityFilter(IReadOnlyList<int?> Ranks, int Position) : Filter(Position);

/// <summary>`state:open,blocked` / `is:done`.</summary>
public sealed record StateFilter(IReadOnlyList<ItemState> States, int Position) : Filter(Position);

/// <summary>`is:overdue`: due before today and not closed.</summary>
public sealed record OverdueFilter(DateOnly Today, int Position) : Filter(Position);

/// <summary>`is:stale`: not closed, in a document whose review (PL005's judgement) fell due before today.</summary>
public sealed record StaleFilter(DateOnly Today, int Position) : Filter(Position);

/// <summary>`is:contradicted`: the declared status contradicts the boxes (PL002).</summary>
public sealed record ContradictedFilter(int Position) : Filter(Position);

/// <summary>`owner:alice`: the owner's name starts with it, case and a leading `@` ignored; null is `owner:none`.</summary>
public sealed record OwnerFilter(string? Name, int Position) : Filter(Position);

/// <summary>`category:security` / `section:backup`: part of the item's category or of a heading above it, case ignored.</summary>
public sealed record SectionFilter(string Text, int Position) : Filter(Position);

/// <summary>`doc:plans/*.md`: the document's path matches the glob (a plain word: is part of the path).</summary>
public sealed record DocFilter(string Pattern, int Position) : Filter(Position)
{
    private readonly Glob? _glob = IsGlob(Pattern) ? Workspaces.Globs.Parse(Pattern) : null;

    /// <summary>Whether the pattern is a glob rather than a part of a path.</summary>
    public static bool IsGlob(string pattern) => pattern.AsSpan().IndexOfAny("*?[{") >= 0;

    public bool Matches(string path)
    {
        if (_glob is null)
        {
            return path.Contains(Pattern, StringComparison.OrdinalIgnoreCase);
        }

        // Without a folder in it, a glob names files anywhere: `doc:*-todo.md`.
        return _glob.IsMatch(path) || (!Pattern.Contains('/', StringComparison.Ordinal) && _glob.IsMatch(System.IO.Path.GetFileName(path)));
    }

    // The compiled glob is a cache of the pattern, not part of the value.
    public bool Equals(DocFilter? other) => other is not null && Pattern == other.Pattern && Position == other.Position;

    public override int GetHashCode() => HashCode.Combine(Pattern, Position);
}

/// <summary>
/// `repo:acme/api`, `repo:acme/*`: on a team server, the repository's name matches the glob (a plain
/// word: is part of the name, case ignored). One repository's own index has no name to match and refuses it.
/// </summary>
public sealed record RepositoryFilter(string Pattern, int Position) : Filter(Position)
{
    private readonly Glob? _glob = DocFilter.IsGlob(Pattern) ? Workspaces.Globs.Parse(Pattern) : null;

    public bool Matches(string name) => _glob is null ? name.Contains(Pattern, StringComparison.OrdinalIgnoreCase) : _glob.IsMatch(name);

    // The compiled glob is a cache of the pattern, not part of the value.
    public bool Equals(RepositoryFilter? other) => other is not null && Pattern == other.Pattern && Position == other.Position;

    public override int GetHashCode() => HashCode.Combine(Pattern, Position);
}

/// <summary>`due:<2025-11-10`, `due:this-week`: the due date lies in [From, To] (either end open).</summary>
public sealed record DueFilter(DateOnly? From, DateOnly? To, int Position) : Filter(Position);

/// <summary>`effort:<=4h`: effort in hours (the top of a range) within the bounds.</summary>
public sealed record EffortFilter(double? Min, bool MinInclusive, double? Max, bool MaxInclusive, int Position) : Filter(Position)
{
    public bool Matches(double hours) =>
        (Min is not { } min || (MinInclusive ? hours >= min : hours > min)) && (Max is not { } max || (MaxInclusive ? hours <= max : hours < max));
}

public enum HasWhat
{
    Files,
    Owner,
    Due,
    Effort,
    Criteria,
    Id,
}

/// <summary>`has:files`: the item references a file in the workspace, names an owner, a due date…</summary>
public sealed record HasFilter(HasWhat What, int Position) : Filter(Position);

/// <summary>`tech:k8s`: the item's text names the technology (canonical name).</summary>
public sealed record TechFilter(string Technology, int Position) : Filter(Position);

public enum SortKey
{
    Relevance,
    Priority,
    Due,
    Progress,

    /// <summary>What needs a look first: blocked, in progress, open, done, cancelled.</summary>
    State,
}

/// <summary>`sort:due`, `sort:priority-desc`. Ties keep relevance, then document order.</summary>
public sealed record SortOrder(SortKey Key, bool Descending)
{
    public static readonly SortOrder Relevance = new(SortKey.Relevance, false);
}
