using System.Runtime;
using System.Runtime.InteropServices;
using Punchlist.Bench.Contenders;

namespace Punchlist.Bench;

/// <summary>Writes the results as Markdown, ready to be copied into docs/BENCHMARKS.md.</summary>
internal sealed class Report(TextWriter output)
{
    public void Environment(Options options)
    {
        output.WriteLine("## Environment");
        output.WriteLine();
        output.WriteLine($"- {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}");
        AppContext.TryGetSwitch("System.IO.DisableFileLocking", out bool noLocks);
        output.WriteLine($"- {System.Environment.ProcessorCount} logical cores; GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, {GCSettings.LatencyMode}; file locking {(noLocks ? "off" : "on")} (as in the punch CLI)");
        output.WriteLine($"- load average at start: {LoadAverage.Now()} (the machine is shared; see the per-run log for load during the runs)");
        output.WriteLine($"- scans: {options.Warmups} warm-up round(s), then {options.Runs} rounds; one-shot CLI: 1 warm-up round, then {options.StartupRuns} rounds on the samples and {options.LongRuns} on each tree; contenders alternate within each round, the order rotating");
        output.WriteLine($"- peak memory: \"fresh process\" is the kernel's high-water mark (VmHWM) of a process that scans once; \"in the run\" is {(PeakMemory.CanReset ? "VmHWM reset before each timed run" : "the process's lifetime peak (VmHWM could not be reset)")}, which includes heap the runtime kept from earlier runs; ripgrep's is read from its /proc entry every millisecond while it runs");
        output.WriteLine();
    }

    public void Scan(string title, (int Files, long Bytes) tree, Dictionary<IContender, List<Sample>> samples, Dictionary<IContender, long> freshPeaks, IReadOnlyList<(IContender Ours, IContender Baseline, double? Target)> ratios)
    {
        output.WriteLine($"## {title}: {tree.Files:N0} Markdown files, {Stats.Bytes(tree.Bytes)}");
        output.WriteLine();
        output.WriteLine("| contender | median | range | MB/s | files/s | allocated | peak working set, fresh process | peak working set, in the run | GCs gen0/1/2 | GC pause | found |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (contender, list) in samples)
        {
            double median = Stats.Median(list.Select(s => s.Elapsed.TotalSeconds));
            string range = $"{list.Min(s => s.Elapsed.TotalMilliseconds):F0}–{list.Max(s => s.Elapsed.TotalMilliseconds):F0} ms";
            string allocated = contender.InProcess ? Stats.Bytes(Stats.Median(list.Select(s => (double)s.AllocatedBytes))) : "–";
            string gcs = contender.InProcess ? $"{Median(list, s => s.Gen0):F0}/{Median(list, s => s.Gen1):F0}/{Median(list, s => s.Gen2):F0}" : "–";
            string pause = contender.InProcess ? $"{Median(list, s => s.GcPause.TotalMilliseconds):F0} ms" : "–";
            string fresh = freshPeaks.TryGetValue(contender, out long peak) ? Stats.Bytes(peak) : "–";
            output.WriteLine($"| {contender.Name} | {median * 1000:F0} ms | {range} | {tree.Bytes / median / 1e6:F1} | {tree.Files / median:N0} | {allocated} | {fresh} | {Stats.Bytes(Median(list, s => s.PeakWorkingSet))} | {gcs} | {pause} | {list[^1].Found:N0} |");
        }

        output.WriteLine();
        foreach (var (ours, baseline, target) in ratios)
        {
            if (!samples.ContainsKey(baseline) || !samples.ContainsKey(ours))
            {
                continue;
            }

            double ofMedians = Stats.Median(samples[baseline].Select(s => s.Elapsed.TotalSeconds)) / Stats.Median(samples[ours].Select(s => s.Elapsed.TotalSeconds));
            double paired = Stats.PairedRatio(samples[ours], samples[baseline]);
            string verdict = target is { } t ? $"; target ≥ {t:F1}× — **{(paired >= t ? "met" : "not met")}**" : string.Empty;
            output.WriteLine($"- throughput of {ours.Name} / {baseline.Name}: **{paired:F2}×** (median of per-round ratios; ratio of medians {ofMedians:F2}×){verdict}");
        }

        output.WriteLine();
    }

    public void Manifest(ManifestCheck.Result result)
    {
        output.WriteLine($"## Correctness: manifest.tsv");
        output.WriteLine();
        output.WriteLine($"- {result.Files:N0} files, {result.Boxes:N0} true (CommonMark) boxes in the manifest; files whose checked/unchecked counts differ from the reader's: **{result.Mismatches.Count}**");
        foreach (var m in result.Mismatches.Take(20))
        {
            output.WriteLine($"  - {m.Path}: expected {m.ExpectedChecked} checked / {m.ExpectedUnchecked} unchecked, found {m.FoundChecked} / {m.FoundUnchecked}");
        }

        output.WriteLine();
    }

    public void Prefilter(string title, PrefilterCheck.Result result)
    {
        output.WriteLine($"## Correctness: prefilter on the {title}");
        output.WriteLine();
        output.WriteLine($"- {result.Files:N0} files; the prefilter lets {result.Passed:N0} through to the parser; {result.Trackers:N0} hold items; trackers the prefilter skipped: **{result.Missed.Count}**");
        foreach (string missed in result.Missed.Take(20))
        {
            output.WriteLine($"  - {missed}");
        }

        output.WriteLine();
    }

    public void Startup(string command, Dictionary<StartupBench.Variant, List<TimeSpan>> times)
    {
        output.WriteLine($"## One-shot CLI: `{command}`");
        output.WriteLine();
        output.WriteLine("Each run is a fresh process; the variants take turns. Environment variables override the built configuration.");
        output.WriteLine();
        output.WriteLine("| build and setting | median | range |");
        output.WriteLine("|---|---:|---:|");
        foreach (var (variant, list) in times)
        {
            output.WriteLine($"| {variant.Name} | {Stats.Median(list.Select(t => t.TotalMilliseconds)):F0} ms | {list.Min().TotalMilliseconds:F0}–{list.Max().TotalMilliseconds:F0} ms |");
        }

        output.WriteLine();
    }

    public void End()
    {
        output.WriteLine($"Load average at the end: {LoadAverage.Now()}.");
    }

    private static double Median(List<Sample> list, Func<Sample, double> value) => Stats.Median(list.Select(value));
}
