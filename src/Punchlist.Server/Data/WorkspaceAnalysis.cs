using Punchlist.Analysis.Findings;

namespace Punchlist.Server.Data;

/// <summary>
/// Every finding of the workspace and the done items its evidence contradicts, as `punch check` and
/// `punch verify` would report them for one snapshot. Checking every tracker costs a parse of each,
/// so it runs in the background after a scan (<see cref="Analyser"/>); pages show the latest one
/// finished and say which scan it is of.
/// </summary>
public sealed record WorkspaceAnalysis(long Version, DateOnly Today, IReadOnlyList<Finding> Findings, IReadOnlyList<ContradictedItem> Contradicted, TimeSpan Duration)
{
    public static readonly WorkspaceAnalysis None = new(0, DateOnly.MinValue, [], [], TimeSpan.Zero);

    /// <summary>Findings by document path, in position order.</summary>
    public ILookup<string, Finding> ByDocument => _byDocument ??= Findings.ToLookup(f => f.Document, StringComparer.Ordinal);

    private ILookup<string, Finding>? _byDocument;
}

/// <summary>A done item the repository's evidence contradicts: where it is and what says otherwise.</summary>
public sealed record ContradictedItem(string Address, string Title, string? Owner, string Why);
