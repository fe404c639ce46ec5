using System.Diagnostics;
using System.Globalization;
using System.Text;
using Markdig;
using Punchlist.History;
using Punchlist.History.Git;
using Punchlist.Storage;
using Punchlist.Storage.History;
using Punchlist.Workspaces;

namespace Punchlist.Bench.History;

/// <summary>
/// `punch history` measured on a generated repository (docs/BENCHMARKS.md §4): (a) the first history
/// build, in-process, against a bare Markdig parse of the same distinct blob versions, alternating in
/// the same run; (b) the update after one new commit, in-process; (c) `punch history` on the warm
/// index as a fresh process, start-up included, beside a warm `punch status` of the same workspace;
/// (d) the peak memory of a fresh process that builds the history, for this repository and for one
/// with twice the commits over the same trackers.
/// </summary>
internal static class HistoryBench
{
    private static readonly MarkdownPipeline Bare = new MarkdownPipelineBuilder().UseAdvancedExtensions().UsePreciseSourceLocation().Build();

    public static void Run(string repository, string punch, string? longer, int rounds)
    {
        var config = ConfigLoader.Load(repository);
        Ratio(repository, rounds);
        Console.WriteLine("\nThe same on one core (a child process with DOTNET_PROCESSOR_COUNT=1: the build parses on one thread; git still runs beside it):\n");
        Console.Write(Child(repository, "ratio", rounds.ToString(CultureInfo.InvariantCulture), ("DOTNET_PROCESSOR_COUNT", "1")));
        Console.WriteLine();

        Update(repository, config);
        Warm(repository, punch);
        Console.WriteLine("\n| peak memory of a fresh process building the history | MB |");
        Console.WriteLine("|---|---:|");
        foreach (string repo in new[] { repository, longer }.OfType<string>())
        {
            DeleteIndex(repo);
            Console.WriteLine($"| {Commits(repo)} commits | {PeakOfBuild(repo) / 1024.0 / 1024.0:F0} |");
        }
    }

    // (a) The first build against a bare Markdig parse of the same distinct blobs, sequential and on
    // every core, alternating; wall time, and the CPU time of this process and the git it waited for.
    public static void Ratio(string repository, int rounds)
    {
        var config = ConfigLoader.Load(repository);
        var texts = DistinctBlobs(repository, config);
        long bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        int cores = Environment.ProcessorCount;
        Console.WriteLine($"Repository: {Commits(repository)} commits on the main line, {texts.Count} distinct tracker blob versions, {bytes / 1024.0 / 1024.0:F1} MB; {cores} {(cores == 1 ? "core" : "cores")}, load average {Load()}.\n");

        var sequential = (Wall: new Stats("bare Markdig parse of the distinct blobs (advanced extensions, precise locations), one thread"), Cpu: new Stats(""));
        var parallel = (Wall: new Stats($"the same on all {cores} cores (PLINQ)"), Cpu: new Stats(""));
        var build = (Wall: new Stats("first history build (git log, cat-file, parse, index), in-process"), Cpu: new Stats(""));
        var contenders = new[] { sequential, parallel, build };
        for (int round = 0; round <= rounds; round++)
        {
            foreach (int which in round % 2 == 0 ? new[] { 0, 1, 2 } : [2, 1, 0])
            {
                if (which == 2)
                {
                    DeleteIndex(repository);
                }

                var cpu = CpuTime();
                var clock = Stopwatch.StartNew();
                switch (which)
                {
                    case 0:
                        texts.Sum(t => Markdown.Parse(t, Bare).Count);
                        break;
                    case 1:
                        texts.AsParallel().Sum(t => Markdown.Parse(t, Bare).Count);
                        break;
                    default:
                        using (var history = HistoryIndex.Open(repository, config, IndexOptions.Default))
                        {
                            if (history.Read is not { } read || read.Parsed != texts.Count)
                            {
                                throw new InvalidOperationException($"the build parsed {history.Read?.Parsed} blobs, not {texts.Count}");
                            }
                        }

                        break;
                }

                if (round > 0)
                {
                    contenders[which].Wall.Add(clock.Elapsed.TotalMilliseconds);
                    contenders[which].Cpu.Add((CpuTime() - cpu).TotalMilliseconds);
                }
            }
        }

        Console.WriteLine($"| measure (medians of {rounds}, after one round to warm up) | wall ms | min ms | MB/s | CPU ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (wall, cpu) in contenders)
        {
            Console.WriteLine($"| {wall.Name} | {wall.Median:F0} | {wall.Min:F0} | {bytes / 1024.0 / 1024.0 / (wall.Median / 1000):F1} | {cpu.Median:F0} |");
        }

        Console.WriteLine($"\nFirst build throughput / bare Markdig throughput (target ≥ 0.7×): **{sequential.Wall.Median / build.Wall.Median:F2}×** against the sequential parse, {parallel.Wall.Median / build.Wall.Median:F2}× against the parse on all cores (wall); in CPU time, {sequential.Cpu.Median / build.Cpu.Median:F2}×.");
    }

    /// <summary>The first build alone, <paramref name="rounds"/> times from an empty index: what to profile (perf, dotnet-trace).</summary>
    public static void BuildOnly(string repository, int rounds)
    {
        var config = ConfigLoader.Load(repository);
        for (int round = 0; round < rounds; round++)
        {
            DeleteIndex(repository);
            var cpu = CpuTime();
            var paused = GC.GetTotalPauseDuration();
            long allocated = GC.GetTotalAllocatedBytes();
            int collections = GC.CollectionCount(0);
            var clock = Stopwatch.StartNew();
            using (var history = HistoryIndex.Open(repository, config, IndexOptions.Default))
            {
                Console.WriteLine($"round {round}: {history.Read?.Parsed} blobs parsed, {clock.Elapsed.TotalMilliseconds:F0} ms, {(CpuTime() - cpu).TotalMilliseconds:F0} ms CPU; "
                    + $"{(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB allocated, {GC.CollectionCount(0) - collections} collections pausing {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms");
            }
        }
    }

    // This process's CPU time and that of the children it waited for (git), from /proc/self/stat
    // (in clock ticks, 100 a second); this process's alone where there is no /proc.
    private static TimeSpan CpuTime()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return Process.GetCurrentProcess().TotalProcessorTime;
        }

        string stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = fields[11..15].Sum(f => long.Parse(f, CultureInfo.InvariantCulture)); // utime, stime, cutime, cstime
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";

    // (b) One commit changes one tracker (a box ticked), then the index reads it: git rev-parse, the
    // fast-forward check, the log after the last commit read, one blob, the apply.
    private static void Update(string repository, PunchlistConfig config)
    {
        var git = new HistoryGit(repository);
        string tracker = git.Run("ls-files", "*.md").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).First(p => p.Contains("tracker-", StringComparison.Ordinal));
        var update = new Stats("update after one new commit");
        for (int i = 0; i < 8; i++)
        {
            string path = Path.Combine(repository, tracker);
            string text = File.ReadAllText(path);
            int box = text.IndexOf("- [ ]", StringComparison.Ordinal);
            File.WriteAllText(path, box >= 0 ? text[..box] + "- [x]" + text[(box + 5)..] : text + $"\n- [ ] Added by the bench {i}\n");
            Run(repository, "git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "-q", "-am", $"bench update {i}");
            var clock = Stopwatch.StartNew();
            using var history = HistoryIndex.Open(repository, config, IndexOptions.Default);
            if (i > 0)
            {
                update.Add(clock.Elapsed.TotalMilliseconds);
            }

            if (history.Read?.Commits != 1)
            {
                throw new InvalidOperationException($"the update read {history.Read?.Commits} commits");
            }
        }

        Console.WriteLine($"Update after one new commit, in-process: median **{update.Median:F0} ms** (min {update.Min:F0}, max {update.Max:F0}; target < 200 ms)");
    }

    // (c) `punch history` on the warm index, a fresh process each time, start-up included.
    private static void Warm(string repository, string punch)
    {
        Run(repository, "dotnet", punch, "history", "--json"); // brings the index up to date
        Run(repository, "dotnet", punch, "status", "--json");
        var history = new Stats("punch history");
        var status = new Stats("punch status");
        for (int i = 0; i <= 7; i++)
        {
            foreach (var (stats, command) in new[] { (history, "history"), (status, "status") })
            {
                var clock = Stopwatch.StartNew();
                Run(repository, "dotnet", punch, command);
                if (i > 0)
                {
                    stats.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        Console.WriteLine($"`punch history` on the warm index, fresh process: median **{history.Median:F0} ms** (min {history.Min:F0}; target < 500 ms); `punch status` beside it: {status.Median:F0} ms");
    }

    // (d) In a child process of this bench: build once, print VmHWM.
    public static int PeakChild(string repository)
    {
        using (HistoryIndex.Open(repository, ConfigLoader.Load(repository), IndexOptions.Default))
        {
        }

        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                Console.WriteLine(long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024);
            }
        }

        return 0;
    }

    private static long PeakOfBuild(string repository) => long.Parse(Child(repository, "peak-build", null).Trim(), CultureInfo.InvariantCulture);

    // This bench again, in a child process: MODE REPOSITORY [ARGUMENT], with an environment variable set.
    private static string Child(string repository, string mode, string? argument, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            info.ArgumentList.Add(typeof(HistoryBench).Assembly.Location);
        }

        info.ArgumentList.Add(mode);
        info.ArgumentList.Add(repository);
        if (argument is not null)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"the bench's {mode} failed ({process.ExitCode})");
    }

    // The blobs the history parses: every new version of a Markdown file on the main line, once.
    private static List<string> DistinctBlobs(string repository, PunchlistConfig config)
    {
        var git = new HistoryGit(repository);
        var paths = new HistoryPaths(config);
        var blobs = new HashSet<string>(StringComparer.Ordinal);
        using (var log = git.Start(input: false, CommitLog.Arguments("HEAD", null))!)
        {
            foreach (var change in CommitLog.Parse(log.StandardOutput.BaseStream).SelectMany(c => c.Changes))
            {
                if (change.NewBlob is { } blob && paths.Includes(change.Path))
                {
                    blobs.Add(blob);
                }
            }

            log.WaitForExit();
        }

        using var reader = BlobReader.Open(git)!;
        return reader.ReadMany([.. blobs]).Select(b => Encoding.UTF8.GetString(b.Bytes!)).ToList();
    }

    private static int Commits(string repository) => int.Parse(new HistoryGit(repository).Run("rev-list", "--first-parent", "--count", "HEAD").Output.Trim(), CultureInfo.InvariantCulture);

    private static void DeleteIndex(string repository)
    {
        string index = Path.Combine(repository, ".punchlist");
        if (Directory.Exists(index))
        {
            Directory.Delete(index, recursive: true);
        }
    }

    private static void Run(string folder, string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode})");
        }
    }
}
