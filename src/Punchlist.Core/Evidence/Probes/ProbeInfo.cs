using Punchlist.Evidence.Matching;

namespace Punchlist.Evidence.Probes;

/// <summary>A probe's identity: a stable dotted ID (`docker.non-root`), a title, its area, and the terms that tie it to items.</summary>
public sealed record ProbeInfo(string Id, string Title, string Area, ProbeTerms Terms)
{
    /// <summary>Broader probes this one refines: when both match the same text, only this one is kept (Hadolint over "lint").</summary>
    public IReadOnlyList<string> Refines { get; init; } = [];
}
