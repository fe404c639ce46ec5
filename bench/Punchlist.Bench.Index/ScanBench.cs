using System.Diagnostics;
using Punchlist.Storage;
using Punchlist.Workspaces;

namespace Punchlist.Bench.Index;

/// <summary>
/// (a) a full index build against the in-memory scan of the same files; (b) rescans after no change,
/// one changed file and a hundred, in-process, and a warm `punch status` process (as built, and
/// precompiled when a ReadyToRun build is given) against a `--no-index` one; (d) the index's bytes per item.
/// </summary>
internal static class ScanBench
{
    public static void Run(string workspace, string? punch, string? punchReadyToRun)
    {
        string index = Path.Combine(workspace, ".punchlist");
        if (Directory.Exists(index))
        {
            Directory.Delete(index, recursive: true);
        }

        var baseline = new Stats("in-memory scan (parse every file, no index)");
        int items = 0;
        for (int i = 0; i < 2; i++)
        {
            items = baseline.Time(() => WorkspaceLoader.Load([workspace]).AllItems().Count());
        }

        var build = new Stats("full index build");
        build.Time(() =>
        {
            using var scan = WorkspaceIndex.Scan([workspace], IndexOptions.Default);
            return scan.Counts.Parsed;
        });
        Report(build, baseline);

        var files = Directory.GetFiles(workspace, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var unchanged = new Stats("rescan, nothing changed");
        var update = new Stats("index update alone after 1 file changed (summaries not loaded)");
        var one = new Stats("rescan after 1 file changed");
        var hundred = new Stats("rescan after 100 files changed");
        int round = 0;
        for (int i = 0; i < 7; i++)
        {
            Rescan(unchanged, workspace);
            Touch(files.Skip(round++ * 101).Take(1));
            Rescan(one, workspace);
            Touch(files.Skip(round++ * 101).Take(1));
            update.Time(() =>
            {
                using var scan = WorkspaceIndex.Scan([workspace], IndexOptions.Default);
                return scan.Counts.Parsed;
            });
        }

        for (int i = 0; i < 3; i++)
        {
            Touch(files.Skip(round++ * 101).Take(100));
            Rescan(hundred, workspace);
        }

        foreach (var stats in new[] { unchanged, one, update, hundred })
        {
            Report(stats, baseline);
        }

        if (punch is not null)
        {
            // The index build above does not check: the first status checks every tracker (every rule,
            // every probe) and remembers the counts; the warm runs after it serve them.
            var first = new Stats("first `punch status --json` after the build (checks every tracker)");
            first.Time(() => Process(punch, "status", "--json", workspace));
            Console.WriteLine($"| {first.Name} | {Stats.Ms(first.Median)} ms |");
            var warm = new Stats("warm `punch status --json` process (wall, start-up included)");
            for (int i = 0; i < 5; i++)
            {
                warm.Time(() => Process(punch, "status", "--json", workspace));
            }

            var cold = new Stats("`punch status --json --no-index` process (wall)");
            cold.Time(() => Process(punch, "status", "--json", "--no-index", workspace));
            Report(warm, cold);
            if (punchReadyToRun is not null)
            {
                // The same index (the precompiled build reads the same assemblies' identities), served warm.
                var precompiled = new Stats("warm `punch status --json` process, ReadyToRun build (wall, start-up included)");
                for (int i = 0; i < 5; i++)
                {
                    precompiled.Time(() => Process(punchReadyToRun, "status", "--json", workspace));
                }

                Report(precompiled, cold);
            }
        }

        long bytes = new FileInfo(Path.Combine(index, "index.db")).Length;
        Console.WriteLine($"| index size | {bytes / 1024 / 1024} MB for {items} items and {files.Count} files: {bytes / Math.Max(1, items)} bytes per item |");
    }

    // What `punch status` does in-process before it checks: bring the index up to date and load what
    // it reports on (each document's summary; the items themselves only for `--by`).
    private static void Rescan(Stats stats, string workspace) => stats.Time(() =>
    {
        using var scan = WorkspaceIndex.Scan([workspace], IndexOptions.Default);
        return scan.Summaries.Count;
    });

    // A real edit: one more open task at the end, and a time stamp old enough to be trusted.
    private static void Touch(IEnumerable<string> files)
    {
        foreach (string file in files)
        {
            File.AppendAllText(file, $"- [ ] bench edit {Guid.NewGuid():N}\n");
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-10));
        }
    }

    internal static int Process(string punch, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(punch);
        args.ToList().ForEach(info.ArgumentList.Add);
        using var process = System.Diagnostics.Process.Start(info)!;
        // Drained as bytes: building the 12 MB of JSON into a string here cost the timed process a third.
        process.StandardOutput.BaseStream.CopyTo(Stream.Null);
        process.WaitForExit();
        return process.ExitCode;
    }

    private static void Report(Stats stats, Stats baseline) =>
        Console.WriteLine($"| {stats.Name} | {Stats.Ms(stats.Median)} ms (median of {stats.Count}) | {baseline.Name}: {Stats.Ms(baseline.Median)} ms | {Stats.Ratio(stats.Median, baseline.Median)} |");
}
