namespace Punchlist.Evidence;

/// <summary>
/// What the evidence says about an item's claim to be done: <see cref="Verified"/> when a done item
/// has decisive evidence and none of it fails; <see cref="Contradicted"/> when evidence of something
/// the document claims done (a done item, a ticked criterion) fails; <see cref="Unknown"/> otherwise.
/// </summary>
public enum Verdict
{
    Unknown,
    Verified,
    Contradicted,
}

public static class Verdicts
{
    public static string Name(this Verdict verdict) => verdict switch
    {
        Verdict.Verified => "verified",
        Verdict.Contradicted => "contradicted",
        _ => "unknown",
    };
}
