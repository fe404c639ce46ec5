using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using DotNet.Globbing;
using System.IO.Enumeration;
using MAB.DotIgnore;

namespace Punchlist.Workspaces;

/// <summary>
/// Finds the workspace root and its Markdown files: every `*.md`/`*.markdown` under the given paths,
/// skipping `.git`, `node_modules`, `bin`, `obj`, `.punchlist`, what `.gitignore` files ignore and
/// what punchlist.yml excludes. Files named on the command line are always read.
/// </summary>
public static class Discovery
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj", ".punchlist" };
    private static readonly GlobOptions GlobOptions = new() { Evaluation = { CaseInsensitive = true } };

    /// <summary>The nearest folder at or above <paramref name="path"/> holding punchlist.yml or .git, else the path's own folder.</summary>
    public static string FindRoot(string path)
    {
        string start = Directory.Exists(path) ? Path.GetFullPath(path) : Path.GetDirectoryName(Path.GetFullPath(path))!;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, PunchlistConfig.FileName)) || Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return start;
    }

    /// <summary>
    /// The files, in path order, each with its size and time stamp taken from the folder listing as the
    /// walk goes (one lstat per file, no FileInfo): what the index compares before it reads anything.
    /// </summary>
    public static List<WorkspaceFile> Find(string root, IReadOnlyList<string> paths, PunchlistConfig config) =>
        [.. Enumerate(root, paths, config, stamped: true).OrderBy(f => f.RelativePath, StringComparer.Ordinal)];

    /// <summary>
    /// The same files as <see cref="Find"/>, each once, in the order the walk meets them, produced as
    /// they are found so that reading can start before the walk ends. Every path is checked first.
    /// </summary>
    public static IEnumerable<WorkspaceFile> Enumerate(string root, IReadOnlyList<string> paths, PunchlistConfig config) =>
        Enumerate(root, paths, config, stamped: false);

    private static IEnumerable<WorkspaceFile> Enumerate(string root, IReadOnlyList<string> paths, PunchlistConfig config, bool stamped)
    {
        var targets = new List<(string Full, bool IsFile)>();
        foreach (string path in paths)
        {
            string full = Path.GetFullPath(path);
            targets.Add(File.Exists(full) ? (full, true)
                : Directory.Exists(full) ? (full, false)
                : throw new PunchlistException($"{path}: no such file or folder"));
        }

        return EnumerateTargets(root, targets, config, stamped);
    }

    // Files named on the command line come first, so that one also found by a walk stays explicit.
    private static IEnumerable<WorkspaceFile> EnumerateTargets(string root, List<(string Full, bool IsFile)> targets, PunchlistConfig config, bool stamped)
    {
        var include = config.Include.Select(g => Glob.Parse(g, GlobOptions)).ToList();
        var exclude = config.Exclude.Select(g => Glob.Parse(g, GlobOptions)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (full, _) in targets.Where(t => t.IsFile))
        {
            if (seen.Add(full))
            {
                yield return new WorkspaceFile(full, Relative(root, full), Explicit: true);
            }
        }

        var filters = new Filters(include, exclude);
        foreach (var (full, _) in targets.Where(t => !t.IsFile))
        {
            string relative = Relative(root, full);
            var start = new Folder(full, relative == "." ? string.Empty : relative, IgnoresAbove(root, full));
            foreach (var file in stamped ? WalkInParallel(start, filters) : Walk(start, filters))
            {
                if (seen.Add(file.FullPath))
                {
                    yield return file;
                }
            }
        }
    }

    public static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace('\\', '/');

    // A folder to walk: its path, its path from the root, and the .gitignore lists that apply in it.
    private readonly record struct Folder(string Dir, string Relative, List<(string Dir, IgnoreList List)> Ignores);

    // punchlist.yml's include and exclude globs.
    private sealed record Filters(List<Glob> Include, List<Glob> Exclude);

    // Folders one at a time, files produced as they are found (reading starts before the walk ends).
    private static IEnumerable<WorkspaceFile> Walk(Folder start, Filters filters)
    {
        var pending = new Stack<Folder>([start]);
        var found = new List<WorkspaceFile>();
        var next = new List<Folder>();
        while (pending.TryPop(out var folder))
        {
            Visit(folder, filters, stamped: false, found, next);
            foreach (var file in found)
            {
                yield return file;
            }

            next.ForEach(pending.Push);
            found.Clear();
            next.Clear();
        }
    }

    // The stamped walk, which the index waits for before it can compare anything: every core takes
    // folders from one stack, since folders are independent and a stat per file is most of the cost.
    // The order does not matter (Find sorts). Warm, in-process (medians of 25): 10,000 files in 53 folders 42-44 -> 36-42 ms,
    // the 39,112 files of the docs tree 335 -> 173 ms.
    private static List<WorkspaceFile> WalkInParallel(Folder start, Filters filters)
    {
        var pending = new ConcurrentStack<Folder>([start]);
        var found = new ConcurrentBag<List<WorkspaceFile>>();
        int unfinished = 1;
        try
        {
            Parallel.For(0, Environment.ProcessorCount, _ =>
            {
                var mine = new List<WorkspaceFile>();
                var next = new List<Folder>();
                var wait = new SpinWait();
                while (Volatile.Read(ref unfinished) > 0)
                {
                    if (!pending.TryPop(out var folder))
                    {
                        wait.SpinOnce();
                        continue;
                    }

                    try
                    {
                        Visit(folder, filters, stamped: true, mine, next);
                        Interlocked.Add(ref unfinished, next.Count);
                        pending.PushRange([.. next]);
                    }
                    finally
                    {
                        next.Clear();
                        Interlocked.Decrement(ref unfinished);
                    }
                }

                found.Add(mine);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        return [.. found.SelectMany(files => files)];
    }

    // One folder: its Markdown files that no rule leaves out go to found, its subfolders to next.
    // Relative paths are built by appending names to the folder's own relative path, and only folders
    // and Markdown files are turned into strings at all: a documentation tree has tens of thousands of
    // entries, and this walk runs before anything else can start.
    private static void Visit(Folder folder, Filters filters, bool stamped, List<WorkspaceFile> found, List<Folder> next)
    {
        var (dir, relativeDir, ignores) = folder;
        var local = ReadIgnore(dir);
        if (local is not null)
        {
            ignores = [.. ignores, (dir, local)];
        }

        List<Entry> entries;
        try
        {
            entries = [.. stamped ? StampedEntries(dir) : Entries(dir)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // a folder we may not read is not part of the workspace
        }

        foreach (var (name, isDir, stamp) in entries)
        {
            if (isDir && SkippedFolders.Contains(name))
            {
                continue;
            }

            string full = Path.Join(dir, name);
            string relative = relativeDir.Length == 0 ? name : $"{relativeDir}/{name}";
            if ((ignores.Count > 0 && IsIgnored(full, isDir, ignores)) || (filters.Exclude.Count > 0 && IsExcluded(relative, isDir, filters.Exclude)))
            {
                continue;
            }

            if (isDir)
            {
                next.Add(new Folder(full, relative, ignores));
            }
            else if (filters.Include.Count == 0 || IsIncluded(relative, filters.Include))
            {
                found.Add(new WorkspaceFile(full, relative, Explicit: false) { Stamp = stamp });
            }
        }
    }

    // Out of line, so that the closures exist only when there are globs to match.
    private static bool IsExcluded(string relative, bool isDir, List<Glob> exclude) =>
        exclude.Exists(g => g.IsMatch(relative) || (isDir && g.IsMatch(relative + "/")));

    private static bool IsIncluded(string relative, List<Glob> include) => include.Exists(g => g.IsMatch(relative));

    private readonly record struct Entry(string Name, bool IsDir, FileStat? Stamp);

    // Folders (not symbolic links to folders: they could loop) and Markdown files, by name only: the
    // directory listing says which is which, and anything more would cost a stat per entry.
    private static FileSystemEnumerable<Entry> Entries(string dir) =>
        new(dir, static (ref FileSystemEntry entry) => new Entry(entry.FileName.ToString(), entry.IsDirectory, null), EntryOptions)
        {
            ShouldIncludePredicate = IsFolderOrMarkdown,
        };

    // The same, with each file's size and time stamp (one lstat, made by the entry when asked).
    private static FileSystemEnumerable<Entry> StampedEntries(string dir) =>
        new(dir, static (ref FileSystemEntry entry) => new Entry(entry.FileName.ToString(), entry.IsDirectory,
            entry.IsDirectory ? null : new FileStat(entry.Length, entry.LastWriteTimeUtc.UtcTicks)), EntryOptions)
        {
            ShouldIncludePredicate = IsFolderOrMarkdown,
        };

    private static bool IsFolderOrMarkdown(ref FileSystemEntry entry) => entry.IsDirectory
        ? (entry.Attributes & FileAttributes.ReparsePoint) == 0
        : IsMarkdown(entry.FileName);

    private static readonly EnumerationOptions EntryOptions = new() { AttributesToSkip = 0, IgnoreInaccessible = true };

    private static bool IsMarkdown(ReadOnlySpan<char> name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    private static bool IsIgnored(string full, bool isDir, List<(string Dir, IgnoreList List)> ignores)
    {
        foreach (var (dir, list) in ignores)
        {
            string relative = Path.GetRelativePath(dir, full).Replace('\\', '/');
            if (!relative.StartsWith("..", StringComparison.Ordinal) && list.IsIgnored(relative, isDir))
            {
                return true;
            }
        }

        return false;
    }

    // .gitignore files between the root and a folder the walk starts in apply to it too.
    private static List<(string Dir, IgnoreList List)> IgnoresAbove(string root, string start)
    {
        var result = new List<(string, IgnoreList)>();
        var chain = new List<string>();
        for (var dir = Directory.GetParent(start); dir is not null && dir.FullName.Length >= root.Length; dir = dir.Parent)
        {
            chain.Add(dir.FullName);
        }

        chain.Reverse();
        foreach (string dir in chain)
        {
            var list = ReadIgnore(dir);
            if (list is not null)
            {
                result.Add((dir, list));
            }
        }

        return result;
    }

    private static IgnoreList? ReadIgnore(string dir)
    {
        string path = Path.Combine(dir, ".gitignore");
        try
        {
            return File.Exists(path) ? new IgnoreList(File.ReadAllLines(path), MatchFlags.PATHNAME) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
