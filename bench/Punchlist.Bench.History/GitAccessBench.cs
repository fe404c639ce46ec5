using System.Diagnostics;
using LibGit2Sharp;
using Punchlist.History.Git;
using CommitLog = Punchlist.History.Git.CommitLog;

namespace Punchlist.Bench.History;

/// <summary>
/// How the history reads git, measured both ways on the same repository in the same run: the main
/// line's commits with the Markdown files each changed (renames detected) and the bytes of every
/// distinct blob among them — through the `git` program (`log --raw -z` streamed, one `cat-file
/// --batch`) and through libgit2 (LibGit2Sharp: a first-parent walk, a tree diff per commit with
/// rename detection, blob lookups). Both must find the same commits, changes and blobs.
/// </summary>
internal static class GitAccessBench
{
    public static void Run(string repository, int rounds)
    {
        var program = new Stats("git program: log --raw + cat-file --batch");
        var libgit2 = new Stats("LibGit2Sharp 0.32.0: walk + tree diff + blob lookups");
        (int Commits, int Changes, int Blobs, long Bytes) a = default, b = default;
        for (int round = 0; round <= rounds; round++)
        {
            // Alternate which goes first: the page cache and the other helpers' load move both alike.
            var order = round % 2 == 0 ? new[] { 0, 1 } : [1, 0];
            foreach (int which in order)
            {
                var clock = Stopwatch.StartNew();
                var result = which == 0 ? ViaProgram(repository) : ViaLibGit2(repository);
                clock.Stop();
                if (which == 0)
                {
                    a = result;
                    if (round > 0)
                    {
                        program.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
                else
                {
                    b = result;
                    if (round > 0)
                    {
                        libgit2.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
            }
        }

        Console.WriteLine($"| contender | median ms | min ms | main-line commits with changes | changes | distinct blobs | bytes |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {program.Name} | {program.Median:F0} | {program.Min:F0} | {a.Commits} | {a.Changes} | {a.Blobs} | {a.Bytes} |");
        Console.WriteLine($"| {libgit2.Name} | {libgit2.Median:F0} | {libgit2.Min:F0} | {b.Commits} | {b.Changes} | {b.Blobs} | {b.Bytes} |");
        Console.WriteLine($"\nlibgit2 / program time: {libgit2.Median / program.Median:F2}×");
        if (a != b)
        {
            Console.WriteLine("WARNING: the two readers disagree");
        }
    }

    private static (int, int, int, long) ViaProgram(string repository)
    {
        var git = new HistoryGit(repository);
        int commits = 0, changes = 0;
        var blobs = new HashSet<string>(StringComparer.Ordinal);
        using (var log = git.Start(input: false, CommitLog.Arguments("HEAD", null))!)
        {
            foreach (var commit in CommitLog.Parse(log.StandardOutput.BaseStream))
            {
                if (commit.Changes.Count == 0)
                {
                    continue;
                }

                commits++;
                changes += commit.Changes.Count;
                foreach (var change in commit.Changes)
                {
                    if (change.NewBlob is { } blob)
                    {
                        blobs.Add(blob);
                    }
                }
            }

            log.WaitForExit();
        }

        long bytes = 0;
        using var reader = BlobReader.Open(git)!;
        foreach (var (_, content) in reader.ReadMany([.. blobs]))
        {
            bytes += content!.Length;
        }

        return (commits, changes, blobs.Count, bytes);
    }

    /// <summary>
    /// The update after one new commit: what each way costs to read the commits after a known one
    /// (here: the last commit, against its first parent) and their blobs, from a cold start of the
    /// reader (a process, or opening the repository).
    /// </summary>
    public static void Update(string repository, int rounds)
    {
        var git = new HistoryGit(repository);
        string head = git.Run("rev-parse", "HEAD").Output.Trim();
        string parent = git.Run("rev-parse", "HEAD^").Output.Trim();
        var program = new Stats("git program");
        var libgit2 = new Stats("LibGit2Sharp");
        for (int round = 0; round <= rounds; round++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            int a = 0;
            using (var log = git.Start(input: false, CommitLog.Arguments(head, parent))!)
            {
                var blobs = CommitLog.Parse(log.StandardOutput.BaseStream).SelectMany(c => c.Changes).Select(c => c.NewBlob).OfType<string>().ToList();
                log.WaitForExit();
                using var reader = BlobReader.Open(git)!;
                a = reader.ReadMany(blobs).Sum(b => b.Bytes!.Length);
            }

            if (round > 0)
            {
                program.Add(clock.Elapsed.TotalMilliseconds);
            }

            clock.Restart();
            int b = 0;
            using (var repo = new Repository(repository))
            {
                var commit = repo.Head.Tip;
                using var diff = repo.Diff.Compare<TreeChanges>(commit.Parents.First().Tree, commit.Tree, new CompareOptions { Similarity = SimilarityOptions.Renames });
                foreach (var change in diff.Where(c => IsMarkdown(c.Path) && c.Status != ChangeKind.Deleted))
                {
                    b += (int)repo.Lookup<Blob>(change.Oid).Size;
                }
            }

            if (round > 0)
            {
                libgit2.Add(clock.Elapsed.TotalMilliseconds);
            }

            if (a != b)
            {
                Console.WriteLine("WARNING: the two readers disagree on the last commit");
            }
        }

        Console.WriteLine($"\nupdate after one commit (cold reader): git program {program.Median:F1} ms (min {program.Min:F1}), LibGit2Sharp {libgit2.Median:F1} ms (min {libgit2.Min:F1})");
    }

    private static (int, int, int, long) ViaLibGit2(string repository)
    {
        using var repo = new Repository(repository);
        var filter = new CommitFilter { FirstParentOnly = true, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse };
        var options = new CompareOptions { Similarity = SimilarityOptions.Renames };
        int commits = 0, changes = 0;
        var blobs = new HashSet<ObjectId>();
        foreach (var commit in repo.Commits.QueryBy(filter))
        {
            var parent = commit.Parents.FirstOrDefault();
            using var diff = repo.Diff.Compare<TreeChanges>(parent?.Tree, commit.Tree, options);
            int here = 0;
            foreach (var change in diff)
            {
                bool markdown = IsMarkdown(change.Path) || IsMarkdown(change.OldPath);
                if (!markdown || change.Status == ChangeKind.Unmodified || (change.Mode != Mode.NonExecutableFile && change.Mode != Mode.ExecutableFile && change.OldMode != Mode.NonExecutableFile))
                {
                    continue;
                }

                here++;
                if (change.Status != ChangeKind.Deleted && IsMarkdown(change.Path))
                {
                    blobs.Add(change.Oid);
                }
            }

            if (here > 0)
            {
                commits++;
                changes += here;
            }
        }

        long bytes = 0;
        foreach (var id in blobs)
        {
            var blob = repo.Lookup<Blob>(id);
            using var stream = blob.GetContentStream();
            var buffer = new byte[blob.Size];
            stream.ReadExactly(buffer);
            bytes += buffer.Length;
        }

        return (commits, changes, blobs.Count, bytes);
    }

    private static bool IsMarkdown(string? path) => path is not null &&
        (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase));
}
