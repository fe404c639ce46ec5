using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using DotNet.Globbing;
using System.IO.Enumeration;

namespace Punchlist.Workspaces;

/// <summary>
/// Finds the workspace root and its tracker files: every `*.md`/`*.markdown`/`*.org` under the given paths,
/// skipping `.git`, `node_modules`, `bin`, `obj`, `.punchlist`, what `.gitignore` files ignore and
/// what punchlist.yml excludes. Files named on the command line are always read. A symbolic link to a
/// file the walk also finds (or that another link already stands for) is that file, found once: it is
/// not counted twice, and a write through it is not a second write of the same file.
/// </summary>
public static partial class Discovery
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj", ".punchlist" };

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
    public static List<WorkspaceFile> Find(string root, IReadOnlyList<string> paths, PunchlistConfig config)
    {
        var found = new ConcurrentBag<WorkspaceFile>();
        Walk(root, Targets(paths), config, stamped: true, found.Add);
        return [.. found.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Calls <paramref name="visit"/> once for each of the files <see cref="Find"/> returns (without their
    /// time stamps), on every core, as the walk finds them and in no particular order: reading starts
    /// before the walk ends, and no core waits for another's folder listing. Every path is checked
    /// first. What <paramref name="visit"/> throws stops the walk and is rethrown here.
    /// </summary>
    public static void ForEach(string root, IReadOnlyList<string> paths, PunchlistConfig config, Action<WorkspaceFile> visit) =>
        Walk(root, Targets(paths), config, stamped: false, visit);

    private static List<(string Full, bool IsFile)> Targets(IReadOnlyList<string> paths)
    {
        var targets = new List<(string Full, bool IsFile)>();
        foreach (string path in paths)
        {
            string full = Path.GetFullPath(path);
            targets.Add(File.Exists(full) ? (full, true)
                : Directory.Exists(full) ? (full, false)
                : throw new PunchlistException($"{path}: no such file or folder"));
        }

        return targets;
    }

    // Every core takes work from one stack: a folder (list it, push its files and subfolders) or a
    // file (visit it). Folders are independent and a file's visit is usually its reading and parsing,
    // so neither a folder listing nor a large file keeps the other cores waiting. Files named on the
    // command line are counted as seen first, so that one also found by a walk stays explicit; the
    // set is needed only when paths can overlap. Measured on the docs tree (39,112 files, two cores),
    // where the walk had fed both cores through one lazy enumerator: scan 656 -> 530 ms (medians of 7);
    // the index's stamped walk of 10,000 files 40-41 -> 36-37 ms.
    private static void Walk(string root, List<(string Full, bool IsFile)> targets, PunchlistConfig config, bool stamped, Action<WorkspaceFile> visit)
    {
        var filters = new Filters(config.Include.Select(Compile).ToList(), config.Exclude.Select(Compile).ToList(), config.Include);
        var seen = targets.Count > 1 ? new ConcurrentDictionary<string, byte>(StringComparer.Ordinal) : null;
        var work = new ConcurrentStack<Work>();
        foreach (var (full, _) in targets.Where(t => t.IsFile))
        {
            if (seen?.TryAdd(full, 0) ?? true)
            {
                work.Push(new Work(default, new WorkspaceFile(full, Relative(root, full), Explicit: true)));
            }
        }

        foreach (var (full, _) in targets.Where(t => !t.IsFile))
        {
            string relative = Relative(root, full);
            work.Push(new Work(new Folder(full, relative == "." ? string.Empty : relative, IgnoreRules.Above(root, full)), null));
        }

        // Links to files wait for the walk to end: the file they point to may be found by it.
        var links = new ConcurrentBag<WorkspaceFile>();
        var walked = new ConcurrentBag<WorkspaceFile>();

        int unfinished = work.Count;
        bool failed = false;
        try
        {
            Parallel.For(0, Environment.ProcessorCount, _ =>
            {
                var files = new List<WorkspaceFile>();
                var folders = new List<Folder>();
                var wait = new SpinWait();
                while (Volatile.Read(ref unfinished) > 0 && !Volatile.Read(ref failed))
                {
                    if (!work.TryPop(out var item))
                    {
                        wait.SpinOnce();
                        continue;
                    }

                    try
                    {
                        if (item.File is { } file)
                        {
                            walked.Add(file);
                            visit(file);
                            continue;
                        }

                        Visit(item.Folder, filters, stamped, files, folders, links);
                        var next = files.Where(f => seen?.TryAdd(f.FullPath, 0) ?? true).Select(f => new Work(default, f))
                            .Concat(folders.Select(f => new Work(f, null))).ToArray();
                        if (next.Length > 0)
                        {
                            Interlocked.Add(ref unfinished, next.Length);
                            work.PushRange(next);
                        }
                    }
                    catch
                    {
                        Volatile.Write(ref failed, true);
                        throw;
                    }
                    finally
                    {
                        files.Clear();
                        folders.Clear();
                        Interlocked.Decrement(ref unfinished);
                    }
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        if (!links.IsEmpty)
        {
            foreach (var link in DistinctLinks(links, walked, seen))
            {
                visit(link);
            }
        }
    }

    private static Glob Compile(string pattern)
    {
        try
        {
            return Globs.Parse(pattern);
        }
        catch (GlobException e)
        {
            throw new PunchlistException($"{PunchlistConfig.FileName}: {e.Message}", e);
        }
    }

    // One item of the walk's work: a folder to list, or a file to visit.
    private readonly record struct Work(Folder Folder, WorkspaceFile? File);

    public static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace('\\', '/');

    // A folder to walk: its path, its path from the root, and the .gitignore lists that apply in it.
    private readonly record struct Folder(string Dir, string Relative, IgnoreRules Ignores);

    // punchlist.yml's include and exclude globs, and the include patterns as written.
    private sealed record Filters(List<Glob> Include, List<Glob> Exclude, IReadOnlyList<string> IncludePatterns);

    // One folder: its Markdown files that no rule leaves out go to found, its subfolders to next.
    // Relative paths are built by appending names to the folder's own relative path, and only folders
    // and Markdown files are turned into strings at all: a documentation tree has tens of thousands of
    // entries, and this walk runs before anything else can start.
    private static void Visit(Folder folder, Filters filters, bool stamped, List<WorkspaceFile> found, List<Folder> next, ConcurrentBag<WorkspaceFile> links)
    {
        var (dir, relativeDir, above) = folder;
        var ignores = above.In(dir);

        List<Entry> entries;
        try
        {
            entries = [.. stamped ? StampedEntries(dir) : Entries(dir)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder we may not read is not part of the workspace (one named on the command line was
            // checked before the walk: PathArguments).
            return;
        }

        foreach (var (name, isDir, stamp, isLink) in entries)
        {
            if (isDir && SkippedFolders.Contains(name))
            {
                continue;
            }

            string full = Path.Join(dir, name);
            string relative = relativeDir.Length == 0 ? name : $"{relativeDir}/{name}";
            if ((!ignores.IsEmpty && ignores.Ignores(full, isDir)) || (filters.Exclude.Count > 0 && IsExcluded(relative, isDir, filters.Exclude)))
            {
                continue;
            }

            if (isDir)
            {
                next.Add(new Folder(full, relative, ignores));
            }
            else if ((filters.Include.Count == 0 || IsIncluded(relative, filters.Include)) && !IsNotWork(relative, filters))
            {
                if (isLink)
                {
                    links.Add(new WorkspaceFile(full, relative, Explicit: false)); // its stamp is its file's, taken when asked
                }
                else
                {
                    found.Add(new WorkspaceFile(full, relative, Explicit: false) { Stamp = stamp });
                }
            }
        }
    }

    // Out of line, so that the closures exist only when there are globs to match.
    private static bool IsExcluded(string relative, bool isDir, List<Glob> exclude) =>
        exclude.Exists(g => g.IsMatch(relative) || (isDir && g.IsMatch(relative + "/")));

    private static bool IsIncluded(string relative, List<Glob> include) => include.Exists(g => g.IsMatch(relative));

    // A template or a changelog (NotTrackers) is left out unless an include pattern names it.
    private static bool IsNotWork(string relative, Filters filters) =>
        NotTrackers.Word(relative) is { } word && !(filters.Include.Count > 0 && NotTrackers.Named(word, filters.IncludePatterns));

    private readonly record struct Entry(string Name, bool IsDir, FileStat? Stamp, bool IsLink);

    // Folders (not symbolic links to folders: they could loop) and Markdown files, by name only: the
    // directory listing says which is which, and anything more would cost a stat per entry.
    private static FileSystemEnumerable<Entry> Entries(string dir) =>
        new(dir, static (ref FileSystemEntry entry) => new Entry(entry.FileName.ToString(), entry.IsDirectory, null, IsLink(ref entry)), EntryOptions)
        {
            ShouldIncludePredicate = IsFolderOrTracker,
        };

    // The same, with each file's size and time stamp (one lstat, made by the entry when asked).
    private static FileSystemEnumerable<Entry> StampedEntries(string dir) =>
        new(dir, static (ref FileSystemEntry entry) => new Entry(entry.FileName.ToString(), entry.IsDirectory,
            entry.IsDirectory ? null : new FileStat(entry.Length, entry.LastWriteTimeUtc.UtcTicks), IsLink(ref entry)), EntryOptions)
        {
            ShouldIncludePredicate = IsFolderOrTracker,
        };

    private static bool IsLink(ref FileSystemEntry entry) => !entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    private static bool IsFolderOrTracker(ref FileSystemEntry entry) => entry.IsDirectory
        ? (entry.Attributes & FileAttributes.ReparsePoint) == 0
        : IsTrackerFile(entry.FileName);

    private static readonly EnumerationOptions EntryOptions = new() { AttributesToSkip = 0, IgnoreInaccessible = true };

    private static bool IsTrackerFile(ReadOnlySpan<char> name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".org", StringComparison.OrdinalIgnoreCase);
}
