using Punchlist.Bench;
using Punchlist.Bench.Contenders;

// The table of contents of a benchmark run: the scans (each tree against its baselines), the
// correctness checks, then the one-shot CLI. The report goes to stdout (and --out); progress to stderr.
var options = Options.Parse(args);
var ours = new PunchlistScan();
var load = new PunchlistLoad();
var markdig = new BareMarkdig();
var ripgrep = new RipgrepCount(options.Ripgrep);
var byKey = new Dictionary<string, IContender>(StringComparer.Ordinal) { ["punchlist"] = ours, ["load"] = load, ["markdig"] = markdig, ["rg"] = ripgrep };
if (options.PeakOf is { } key)
{
    return FreshProcess.RunChild(byKey[key], options.Tree ?? throw new ArgumentException("--tree is required"));
}

IContender[] contenders = [.. byKey.Where(c => options.Only?.Contains(c.Key) ?? true).Select(c => c.Value)];
var log = Console.Error;
var text = new StringWriter();
var report = new Report(text);
report.Environment(options);

if (options.Trackers is { } trackers)
{
    log.WriteLine($"tracker tree: {trackers}");
    var samples = Harness.Measure(contenders, trackers, options.Warmups, options.Runs, log);
    var peaks = FreshPeaks(trackers);
    report.Scan("Tracker tree (gen-trackers.py, 5,000 files)", TreeFiles.Measure(trackers), samples, peaks, [(ours, markdig, 0.8), (ours, ripgrep, null), (load, markdig, null)]);
    if (options.Manifest is { } manifest)
    {
        report.Manifest(ManifestCheck.Run(trackers, manifest));
    }
}

if (options.Docs is { } docs)
{
    log.WriteLine($"docs tree: {docs}");
    var samples = Harness.Measure(contenders, docs, options.Warmups, options.Runs, log);
    var peaks = FreshPeaks(docs);
    report.Scan("Docs tree (tldr pages + Kubernetes KEPs)", TreeFiles.Measure(docs), samples, peaks, [(ours, ripgrep, 0.5), (ours, markdig, null), (load, ripgrep, null)]);
    report.Prefilter("docs tree", PrefilterCheck.Run(docs));
}

if (options.CliJit is { } jitBuild && options.Samples is { } samplesDir)
{
    log.WriteLine("one-shot CLI");
    string[] command = ["status", samplesDir, "--today", "2026-11-21", "--no-color"];
    var variants = StartupBench.Variants(jitBuild, options.CliR2r);
    var times = StartupBench.Measure(variants, command, 1, options.StartupRuns, log);
    report.Startup("punch status samples", times);

    // The whole CLI on the big trees, as a user runs it: one process per run. Where a short run is all
    // start-up, these are mostly tiering: how soon the hot parsing code is optimised.
    var longRuns = StartupBench.LongRunVariants(jitBuild, options.CliR2r);
    foreach (var (name, tree) in new[] { ("trackers", options.Trackers), ("docs", options.Docs) })
    {
        if (tree is not null)
        {
            log.WriteLine($"one-shot CLI on the {name} tree");
            var whole = StartupBench.Measure(longRuns, ["status", tree, "--json", "--today", "2026-11-21"], 1, options.LongRuns, log);
            report.Startup($"punch status --json <{name} tree>", whole);
        }
    }
}

report.End();
Console.Out.Write(text.ToString());
if (options.Out is { } path)
{
    File.WriteAllText(path, text.ToString());
}

return 0;

// In-process contenders' peak memory, each from a fresh process of its own.
Dictionary<IContender, long> FreshPeaks(string tree) =>
    byKey.Where(c => c.Value.InProcess && contenders.Contains(c.Value)).ToDictionary(c => c.Value, c => FreshProcess.PeakOf(c.Key, tree));
