using Punchlist.Workspaces;

namespace Punchlist.Evidence.Files;

/// <summary>
/// The files of a workspace, as paths relative to its root with '/' separators, sorted: what probes
/// look through and globs expand against. Skips what is never the repository's own (`.git`,
/// `node_modules`, build output, virtual environments) and what `.gitignore` files ignore; stops at
/// <see cref="MaxFiles"/> so a huge tree cannot stall a scan.
/// </summary>
internal sealed class RepositoryIndex
{
    public const int MaxFiles = 100_000;

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        ".git", "node_modules", "bin", "obj", ".punchlist", ".venv", "venv", "__pycache__", ".terraform", ".tox", ".mypy_cache", ".pytest_cache", ".next", "target",
    };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _globs = new(StringComparer.Ordinal);

    private RepositoryIndex(string root, IReadOnlyList<string> files, bool truncated, IReadOnlyList<RepositoryStamp> stamps)
    {
        Root = root;
        Files = files;
        Truncated = truncated;
        Stamps = stamps;
    }

    public string Root { get; }

    public IReadOnlyList<string> Files { get; }

    /// <summary>True when the walk stopped at its file limit (<see cref="MaxFiles"/>): the files past it are not in <see cref="Files"/>.</summary>
    public bool Truncated { get; }

    /// <summary>The folders walked and the `.gitignore` files read: while they hold, the list of files is the same.</summary>
    public IReadOnlyList<RepositoryStamp> Stamps { get; }

    /// <summary>The index of at most <paramref name="maxFiles"/> files (tests ask for fewer than <see cref="MaxFiles"/>).</summary>
    public static RepositoryIndex Build(string root, int maxFiles = MaxFiles)
    {
        var files = new List<string>();
        var stamps = new List<RepositoryStamp> { RepositoryStamp.Of(new DirectoryInfo(root), ".") };
        bool truncated = !Walk(root, root, IgnoreRules.None, files, stamps, maxFiles);
        files.Sort(StringComparer.Ordinal);
        return new RepositoryIndex(root, files, truncated, stamps);
    }

    public string FullPath(string relative) => Path.Combine(Root, relative);

    /// <summary>
    /// Files whose path matches a glob (`dockerfile/*.Dockerfile`, `docs/**/*.md`). Each pattern is
    /// matched against the files once and its answer kept: the index never changes, and every item that
    /// promises the same glob (and the check cache, revalidating) asks again.
    /// </summary>
    public IReadOnlyList<string> Glob(string pattern) => _globs.GetOrAdd(pattern, Match);

    private string[] Match(string pattern)
    {
        DotNet.Globbing.Glob glob;
        try
        {
            glob = Globs.Parse(pattern, caseInsensitive: false);
        }
        catch (GlobException)
        {
            return []; // a pattern the glob library cannot read matches nothing
        }

        return [.. Files.Where(f => glob.IsMatch(f))];
    }

    /// <summary>Files whose name (not folder) satisfies <paramref name="name"/>.</summary>
    public IEnumerable<string> Named(Func<string, bool> name) => Files.Where(f => name(FileName(f)));

    /// <summary>Files directly or deeply inside <paramref name="folder"/>.</summary>
    public IEnumerable<string> Under(string folder)
    {
        string prefix = folder.TrimEnd('/') + "/";
        return Files.Where(f => f.StartsWith(prefix, StringComparison.Ordinal));
    }

    public static string FileName(string relative) => relative[(relative.LastIndexOf('/') + 1)..];

    public static string Folder(string relative) => relative.LastIndexOf('/') is var slash and > 0 ? relative[..slash] : string.Empty;

    // Each folder's stamp is taken before it is listed (by the parent's listing, or by Build for the
    // root), so a change racing with the walk shows up as a changed stamp next time.
    private static bool Walk(string root, string dir, IgnoreRules above, List<string> files, List<RepositoryStamp> stamps, int maxFiles)
    {
        var ignores = above.In(dir, found: path => stamps.Add(RepositoryStamp.Of(new FileInfo(path), Relative(root, path))));

        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }

        foreach (var entry in entries)
        {
            bool isDir = entry is DirectoryInfo;
            if ((isDir && (Skipped.Contains(entry.Name) || entry.LinkTarget is not null)) || ignores.Ignores(entry.FullName, isDir))
            {
                continue;
            }

            if (isDir)
            {
                stamps.Add(RepositoryStamp.Of(entry, Relative(root, entry.FullName)));
                if (!Walk(root, entry.FullName, ignores, files, stamps, maxFiles))
                {
                    return false;
                }
            }
            else
            {
                files.Add(Relative(root, entry.FullName));
                if (files.Count >= maxFiles)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace('\\', '/');
}
