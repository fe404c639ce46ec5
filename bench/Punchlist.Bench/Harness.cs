using System.Diagnostics;
using Punchlist.Bench.Contenders;

namespace Punchlist.Bench;

/// <summary>
/// Times whole-tree scans. Hand-rolled rather than BenchmarkDotNet: one run is a whole tree (seconds,
/// not nanoseconds), one contender is an external process (ripgrep), and the machine is shared with
/// other builds, so what matters is that the contenders run alternately in the same minutes — round
/// after round, the order rotating — and each is reported by its median. BenchmarkDotNet measures one
/// benchmark after the other, each in its own process, which lets a burst of load from a neighbour
/// land on one contender only.
/// </summary>
internal static class Harness
{
    public static Dictionary<IContender, List<Sample>> Measure(IReadOnlyList<IContender> contenders, string tree, int warmups, int runs, TextWriter log)
    {
        var samples = contenders.ToDictionary(c => c, _ => new List<Sample>());
        for (int round = -warmups; round < runs; round++)
        {
            for (int k = 0; k < contenders.Count; k++)
            {
                // Rotate the order each round, so no contender always runs right after another's garbage.
                var contender = contenders[(k + Math.Max(round, 0)) % contenders.Count];
                var sample = RunOnce(contender, tree);
                if (round >= 0)
                {
                    samples[contender].Add(sample);
                }

                log.WriteLine($"  {(round < 0 ? "warm-up" : $"run {round + 1}/{runs}"),-9} {contender.Name,-28} {sample.Elapsed.TotalMilliseconds,8:F0} ms  load {LoadAverage.Now()}");
            }
        }

        return samples;
    }

    private static Sample RunOnce(IContender contender, string tree)
    {
        // Start every run from the same clean heap: no garbage of the previous run is collected on this one's clock.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        PeakMemory.Reset();

        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        long started = Stopwatch.GetTimestamp();

        var outcome = contender.Run(tree);

        var elapsed = Stopwatch.GetElapsedTime(started);
        long heap = GC.GetTotalMemory(forceFullCollection: false);
        return new Sample(
            elapsed,
            outcome.Found,
            contender.InProcess ? GC.GetTotalAllocatedBytes(precise: true) - allocated : 0,
            outcome.ExternalPeak ?? PeakMemory.Peak(),
            contender.InProcess ? heap : 0,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            GC.GetTotalPauseDuration() - pause);
    }
}
