namespace Punchlist.Evidence.Matching;

/// <summary>How a probe came to stand for an item.</summary>
public enum MatchVia
{
    /// <summary>By meaning: the item's words met the probe's terms.</summary>
    Words,

    /// <summary>The item names it: `&lt;!-- punch: probe=docker.non-root --&gt;`.</summary>
    Comment,

    /// <summary>punchlist.yml names it under `probes: items:`.</summary>
    Config,
}

/// <summary>One probe tied to an item (or one of its criteria), and why: the reason `--explain` prints.</summary>
public sealed record ProbeMatch(string Probe, int? Criterion, MatchVia Via, string Reason);
