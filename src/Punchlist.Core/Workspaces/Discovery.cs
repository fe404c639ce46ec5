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

    public static List<WorkspaceFile> Find(string root, IReadOnlyList<string> paths, PunchlistConfig config)
    {
        var include = config.Include.Select(g => Glob.Parse(g, GlobOptions)).ToList();
        var exclude = config.Exclude.Select(g => Glob.Parse(g, GlobOptions)).ToList();
        var found = new Dictionary<string, WorkspaceFile>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            string full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                found[full] = new WorkspaceFile(full, Relative(root, full), Explicit: true);
            }
            else if (Directory.Exists(full))
            {
                var ignores = IgnoresAbove(root, full);
                string relative = Relative(root, full);
                Walk(full, relative == "." ? string.Empty : relative, ignores, include, exclude, found);
            }
            else
            {
                throw new PunchlistException($"{path}: no such file or folder");
            }
        }

        return [.. found.Values.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }

    public static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace('\\', '/');

    // Relative paths are built by appending names to the folder's own relative path, and only folders
    // and Markdown files are turned into strings at all: a documentation tree has tens of thousands of
    // entries, and this walk runs before anything else can start.
    private static void Walk(string dir, string relativeDir, List<(string Dir, IgnoreList List)> ignores, List<Glob> include, List<Glob> exclude, Dictionary<string, WorkspaceFile> found)
    {
        var local = ReadIgnore(dir);
        if (local is not null)
        {
            ignores = [.. ignores, (dir, local)];
        }

        List<(string Name, bool IsDir)> entries;
        try
        {
            entries = [.. Entries(dir)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // a folder we may not read is not part of the workspace
        }

        foreach (var (name, isDir) in entries)
        {
            if (isDir && SkippedFolders.Contains(name))
            {
                continue;
            }

            string full = Path.Join(dir, name);
            string relative = relativeDir.Length == 0 ? name : $"{relativeDir}/{name}";
            if ((ignores.Count > 0 && IsIgnored(full, isDir, ignores)) || exclude.Exists(g => g.IsMatch(relative) || (isDir && g.IsMatch(relative + "/"))))
            {
                continue;
            }

            if (isDir)
            {
                Walk(full, relative, ignores, include, exclude, found);
            }
            else if (include.Count == 0 || include.Exists(g => g.IsMatch(relative)))
            {
                found.TryAdd(full, new WorkspaceFile(full, relative, Explicit: false));
            }
        }
    }

    // Folders (not symbolic links to folders: they could loop) and Markdown files, by name.
    private static FileSystemEnumerable<(string Name, bool IsDir)> Entries(string dir) =>
        new(dir, static (ref FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory), EntryOptions)
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => entry.IsDirectory
                ? (entry.Attributes & FileAttributes.ReparsePoint) == 0
                : IsMarkdown(entry.FileName),
        };

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
