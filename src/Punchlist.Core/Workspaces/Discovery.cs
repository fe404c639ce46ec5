using DotNet.Globbing;
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
                found[full] = WorkspaceFile.Stat(full, Relative(root, full), isExplicit: true);
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

    // Paths relative to the root are built by joining names onto the folder's own (no per-entry
    // normalisation: a walk of ten thousand files spends its time in the file system, not in strings).
    private static void Walk(string dir, string relativeDir, List<(string Dir, IgnoreList List)> ignores, List<Glob> include, List<Glob> exclude, Dictionary<string, WorkspaceFile> found)
    {
        var local = ReadIgnore(dir);
        if (local is not null)
        {
            ignores = [.. ignores, (dir, local)];
        }

        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // a folder we may not read is not part of the workspace
        }

        foreach (var entry in entries)
        {
            bool isDir = entry is DirectoryInfo;
            if (isDir && (SkippedFolders.Contains(entry.Name) || entry.LinkTarget is not null))
            {
                continue;
            }

            string relative = relativeDir.Length == 0 ? entry.Name : relativeDir + "/" + entry.Name;
            if (IsIgnored(entry.FullName, isDir, ignores) || exclude.Exists(g => g.IsMatch(relative) || (isDir && g.IsMatch(relative + "/"))))
            {
                continue;
            }

            if (isDir)
            {
                Walk(entry.FullName, relative, ignores, include, exclude, found);
            }
            else if (IsMarkdown(entry.Name) && (include.Count == 0 || include.Exists(g => g.IsMatch(relative))))
            {
                found.TryAdd(entry.FullName, WorkspaceFile.From((FileInfo)entry, relative, isExplicit: false));
            }
        }
    }

    private static bool IsMarkdown(string name) =>
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
