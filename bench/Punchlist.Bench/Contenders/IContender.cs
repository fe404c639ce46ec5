namespace Punchlist.Bench.Contenders;

/// <summary>One way of scanning a whole tree. Runs are timed from the outside; <see cref="Run"/> does all the work.</summary>
internal interface IContender
{
    string Name { get; }

    /// <summary>True when the work runs in this process, so allocations and GC counts are its own.</summary>
    bool InProcess { get; }

    /// <summary>Scans the tree; says what it found (boxes, task lines, blocks) so the work cannot be skipped and runs can be compared.</summary>
    Outcome Run(string tree);
}

/// <param name="Found">Boxes, task lines or blocks: a sanity check that every run did the same work.</param>
/// <param name="ExternalPeak">The peak working set of an external process; null for work done in this process.</param>
internal readonly record struct Outcome(long Found, long? ExternalPeak = null)
{
    public static implicit operator Outcome(long found) => new(found);
}
