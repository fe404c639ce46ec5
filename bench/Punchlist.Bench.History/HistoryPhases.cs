using System.Diagnostics;
using Markdig;
using Microsoft.Data.Sqlite;
using Punchlist.History;
using Punchlist.History.Git;
using Punchlist.Reading;
using Punchlist.Storage;
using Punchlist.Storage.History;
using Punchlist.Text;
using Punchlist.Workspaces;

namespace Punchlist.Bench.History;

/// <summary>
/// Where the first history build's time goes (docs/BENCHMARKS.md §4): each phase of the build run
/// alone over the same distinct blob versions, on one thread, wall and CPU time — git's log and
/// cat-file, decoding, a bare Markdig parse (the baseline) and one with the reader's own pipeline,
/// the whole reader, the version the history keeps of each (items, claims), its encoding, and the
/// index writes of applying every commit with every version already parsed.
/// </summary>
internal static class HistoryPhases
{
    private static readonly MarkdownPipeline Bare = new MarkdownPipelineBuilder().UseAdvancedExtensions().UsePreciseSourceLocation().Build();

    // The reader's pipeline with every paragraph through the inline pass (DocumentReader skips plain ones).
    private static readonly MarkdownPipeline ReaderPipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UseYamlFrontMatter().UsePipeTables().Build();

    public static void Run(string repository, int rounds)
    {
        var config = ConfigLoader.Load(repository);
        var git = new HistoryGit(repository);
        var paths = new HistoryPaths(config);
        var reader = new DocumentReader(config.ToReaderOptions());
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        var phases = new List<(string Name, Stats Wall, Stats Cpu, Stats Allocated)>();
        bool warm = false;
        void Phase(string name, Action run)
        {
            if (!warm)
            {
                run(); // the first round warms the JIT up, and is not kept
                return;
            }

            var entry = phases.Find(p => p.Name == name);
            if (entry.Name is null)
            {
                entry = (name, new Stats(name), new Stats(name), new Stats(name));
                phases.Add(entry);
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long allocated = GC.GetTotalAllocatedBytes();
            var clock = Stopwatch.StartNew();
            run();
            entry.Wall.Add(clock.Elapsed.TotalMilliseconds);
            entry.Allocated.Add((GC.GetTotalAllocatedBytes() - allocated) / 1e6);
            entry.Cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
        }

        List<(string Path, byte[] Bytes)> blobs = [];
        for (int round = 0; round <= rounds; round++)
        {
            warm = round > 0;
            Phase("git log (streamed, parsed)", () =>
            {
                using var log = git.Start(input: false, CommitLog.Arguments("HEAD", null))!;
                foreach (var change in CommitLog.Parse(log.StandardOutput.BaseStream).SelectMany(c => c.Changes))
                {
                    if (change.NewBlob is { } blob && paths.Includes(change.Path))
                    {
                        wanted.TryAdd(blob, change.Path);
                    }
                }

                log.WaitForExit();
            });
            Phase("git cat-file --batch (the distinct blobs)", () =>
            {
                using var cat = BlobReader.Open(git)!;
                var keys = wanted.Keys.ToList();
                blobs = cat.ReadMany(keys).Select((b, i) => (wanted[keys[i]], b.Bytes!)).ToList();
            });
            List<SourceText> sources = [];
            Phase("decode (SourceText.FromBytes)", () => sources = blobs.Select(b => SourceText.FromBytes(b.Bytes)).ToList());
            Phase("**bare Markdig parse (the baseline)**", () => sources.Sum(s => Markdown.Parse(s.Text, Bare).Count));
            Phase("Markdig, the reader's pipeline, every inline", () => sources.Sum(s => Markdown.Parse(s.Text, ReaderPipeline).Count));
            Phase("prefilter (MayHoldItems)", () => blobs.Count(b => TrackerPrefilter.MayHoldItems(b.Path, b.Bytes)));
            List<Model.TrackerDocument> documents = [];
            Phase("the whole reader (decode, parse, walk, items)", () => documents = blobs.Select(b => reader.Read(b.Path, b.Bytes)).ToList());
            List<DocumentVersion> versions = [];
            Phase("history's version of each (items, claims)", () => versions = documents.Select(DocumentVersion.Of).ToList());
            Phase("its encoding (VersionCodec)", () => versions.Sum(v => VersionCodec.Encode(v).Length));
        }

        // The index writes alone: a first build, then the commits applied again with every blob parsed.
        for (int round = 0; round <= rounds; round++)
        {
            warm = round > 0;
            DeleteIndex(repository);
            using (HistoryIndex.Open(repository, config, IndexOptions.Default))
            {
            }

            using (var connection = new SqliteConnection($"Data Source={Path.Combine(repository, ".punchlist", "index.db")}"))
            {
                connection.Open();
                HistoryWriter.Clear(connection);
            }

            Phase("apply every commit, all blobs parsed (git log, index writes)", () =>
            {
                using var history = HistoryIndex.Open(repository, config, IndexOptions.Default);
                if (history.Read?.Parsed != 0)
                {
                    throw new InvalidOperationException($"the rebuild parsed {history.Read?.Parsed} blobs");
                }
            });
        }

        Console.WriteLine($"Phases of the first build, each alone on one thread over the {blobs.Count} distinct blob versions, medians of {rounds} after one to warm up:\n");
        Console.WriteLine("| phase | wall ms | CPU ms | allocated MB |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, wall, cpu, allocated) in phases)
        {
            Console.WriteLine($"| {name} | {wall.Median:F0} | {cpu.Median:F0} | {allocated.Median:F0} |");
        }
    }

    /// <summary>The reader alone over the distinct blobs, <paramref name="rounds"/> times: what to profile (perf, dotnet-trace).</summary>
    public static void ReaderOnly(string repository, int rounds)
    {
        var config = ConfigLoader.Load(repository);
        var git = new HistoryGit(repository);
        var paths = new HistoryPaths(config);
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var log = git.Start(input: false, CommitLog.Arguments("HEAD", null))!)
        {
            foreach (var change in CommitLog.Parse(log.StandardOutput.BaseStream).SelectMany(c => c.Changes))
            {
                if (change.NewBlob is { } blob && paths.Includes(change.Path))
                {
                    wanted.TryAdd(blob, change.Path);
                }
            }

            log.WaitForExit();
        }

        using var cat = BlobReader.Open(git)!;
        var keys = wanted.Keys.ToList();
        var blobs = cat.ReadMany(keys).Select((b, i) => (Path: wanted[keys[i]], Bytes: b.Bytes!)).ToList();
        var reader = new DocumentReader(config.ToReaderOptions());
        for (int round = 0; round < rounds; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var paused = GC.GetTotalPauseDuration();
            int collections = GC.CollectionCount(0);
            int items = blobs.Sum(b => DocumentVersion.Of(reader.Read(b.Path, b.Bytes)).Items.Count);
            Console.WriteLine($"round {round}: {items} items, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU, "
                + $"{GC.CollectionCount(0) - collections} collections pausing {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms");
        }
    }

    internal static void DeleteIndex(string repository)
    {
        SqliteConnection.ClearAllPools();
        string index = Path.Combine(repository, ".punchlist");
        if (Directory.Exists(index))
        {
            Directory.Delete(index, recursive: true);
        }
    }
}
