namespace Punchlist.Evidence.Matching;

/// <summary>
/// The words that tie a probe to items. Every group in <see cref="All"/> must be met by one of its
/// phrases (words, synonyms; stems compared); none of <see cref="Unless"/> may appear. The probe's
/// <see cref="Scopes"/> must meet what the item names (its own text first, else its section, list
/// label and parent item); a probe that <see cref="NeedsScope"/> never matches an item that names
/// no scope at all, because its words alone are too common ("module", "rules").
/// </summary>
public sealed record ProbeTerms
{
    public required IReadOnlyList<IReadOnlyList<string>> All { get; init; }

    public IReadOnlyList<string> Unless { get; init; } = [];

    /// <summary>Empty: a probe of the repository as a whole (SECURITY.md), fit for any scope.</summary>
    public IReadOnlyList<Scope> Scopes { get; init; } = [];

    public bool NeedsScope { get; init; }

    /// <summary>One group: any of the phrases.</summary>
    public static ProbeTerms Any(params string[] phrases) => new() { All = [phrases] };

    /// <summary>Several groups, each of them needed: `Groups(["restart"], ["policy", "always"])`.</summary>
    public static ProbeTerms Groups(params string[][] groups) => new() { All = groups };

    public ProbeTerms In(params Scope[] scopes) => this with { Scopes = scopes };

    public ProbeTerms Only(params Scope[] scopes) => this with { Scopes = scopes, NeedsScope = true };

    public ProbeTerms Except(params string[] phrases) => this with { Unless = phrases };

    /// <summary>The words that tie the probe to items, for the catalogue listing.</summary>
    public override string ToString() =>
        string.Join(" + ", All.Select(g => g.Count == 1 ? g[0] : "(" + string.Join(" | ", g) + ")"))
        + (Unless.Count > 0 ? " − " + string.Join(" | ", Unless) : string.Empty);
}
