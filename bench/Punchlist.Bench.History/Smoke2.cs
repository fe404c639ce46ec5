using System.Diagnostics;
using Markdig;
using Punchlist.History;
using Punchlist.History.Git;
using Punchlist.Reading;

namespace Punchlist.Bench.History;

internal static class Smoke2
{
    public static void Run(string repository)
    {
        var git = new HistoryGit(repository);
        var blobs = new Dictionary<string, string>();
        using (var log = git.Start(false, CommitLog.Arguments("HEAD", null))!)
        {
            foreach (var c in CommitLog.Parse(log.StandardOutput.BaseStream))
            {
                foreach (var ch in c.Changes)
                {
                    if (ch.NewBlob is { } b)
                    {
                        blobs.TryAdd(b, ch.Path);
                    }
                }
            }
        }

        using var reader = BlobReader.Open(git)!;
        var bytes = reader.ReadMany(blobs.Keys.ToList()).ToList();
        for (int round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().UsePreciseSourceLocation().Build();
            bytes.AsParallel().Sum(p => Markdown.Parse(System.Text.Encoding.UTF8.GetString(p.Bytes!), pipeline).Count);

            Console.WriteLine($"markdig {clock.ElapsedMilliseconds} ms");
            clock.Restart();
            var docs = bytes.AsParallel().Select(p => DocumentReader.Default.Read(blobs[p.Id], p.Bytes!)).ToList();
            Console.WriteLine($"reader {clock.ElapsedMilliseconds} ms");
            clock.Restart();
            docs.AsParallel().Sum(d => DocumentVersion.Of(d).Items.Count);

            Console.WriteLine($"versions {clock.ElapsedMilliseconds} ms");
        }
    }
}
