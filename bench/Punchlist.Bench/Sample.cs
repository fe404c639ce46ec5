namespace Punchlist.Bench;

/// <summary>What one timed run of one contender cost.</summary>
internal sealed record Sample(
    TimeSpan Elapsed,
    long Found,
    long AllocatedBytes,
    long PeakWorkingSet,
    long HeapAfter,
    int Gen0,
    int Gen1,
    int Gen2,
    TimeSpan GcPause);
