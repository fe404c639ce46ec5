namespace Punchlist.Tests.Support;

/// <summary>
/// A fact that reads `../shared` (the corpus, the GFM oracle). A clone with nothing beside it reports
/// it as skipped, with the reason, instead of failing: xunit 2 has no dynamic skip, so the attribute
/// decides when the tests are discovered.
/// </summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Repo.HasShared)
        {
            Skip = Repo.SharedMissingReason;
        }
    }
}

/// <summary>A theory that reads `../shared`; skipped, with the reason, when it is not beside the clone.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!Repo.HasShared)
        {
            Skip = Repo.SharedMissingReason;
        }
    }
}
