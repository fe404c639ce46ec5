using Punchlist.Workspaces;

namespace Punchlist.Analysis.Policies;

/// <summary>
/// The commit the repository around a folder has checked out, read from `.git` without starting
/// `git`: what the history clock's answers depend on, since the history read is the history of
/// that commit. Follows `.git` files (worktrees, submodules), `commondir`, loose refs and
/// `packed-refs`.
/// </summary>
public static class GitHead
{
    // `.git` files are read through the same door as any other (a `.git/HEAD` may be a pipe, too).
    private const long MaxRefBytes = 64 << 10, MaxPackedRefsBytes = 256L << 20;

    /// <summary>The nearest folder at or above <paramref name="folder"/> holding a `.git` folder or file; null outside a repository.</summary>
    public static string? RepositoryRoot(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            string dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit) || File.Exists(dotGit))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The commit id, `ref:NAME` for a branch with no commit yet, or null outside a repository.</summary>
    public static string? Of(string folder)
    {
        if (RepositoryRoot(folder) is not { } root)
        {
            return null;
        }

        string dotGit = Path.Combine(root, ".git");
        if (Directory.Exists(dotGit))
        {
            return Read(dotGit);
        }

        string? link = ReadLine(dotGit);
        return link is not null && link.StartsWith("gitdir:", StringComparison.Ordinal)
            ? Read(Path.GetFullPath(link["gitdir:".Length..].Trim(), root))
            : null;
    }

    private static string? Read(string gitDir)
    {
        string? head = ReadLine(Path.Combine(gitDir, "HEAD"));
        if (head is null)
        {
            // A repository whose HEAD cannot be read: an answer that matches no other, so nothing is reused.
            return "unreadable:" + Guid.NewGuid().ToString("N");
        }

        if (!head.StartsWith("ref:", StringComparison.Ordinal))
        {
            return head;
        }

        string name = head["ref:".Length..].Trim();
        string common = ReadLine(Path.Combine(gitDir, "commondir")) is { } relative ? Path.GetFullPath(relative, gitDir) : gitDir;
        foreach (string store in new[] { gitDir, common })
        {
            if (ReadLine(Path.Combine(store, name)) is { Length: > 0 } loose)
            {
                return loose;
            }
        }

        try
        {
            string packed = Path.Combine(common, "packed-refs");
            if (File.Exists(packed))
            {
                foreach (string line in FileBytes.ReadText(packed, MaxPackedRefsBytes).Split('\n'))
                {
                    if (line.EndsWith(" " + name, StringComparison.Ordinal))
                    {
                        return line[..line.IndexOf(' ', StringComparison.Ordinal)];
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return "ref:" + name;
    }

    /// <summary>
    /// True when the repository around <paramref name="folder"/> is a shallow clone: git keeps the
    /// commits it was cut at in `shallow` (in the common folder of a worktree).
    /// </summary>
    public static bool IsShallow(string folder)
    {
        if (RepositoryRoot(folder) is not { } root)
        {
            return false;
        }

        string dotGit = Path.Combine(root, ".git");
        string? gitDir = Directory.Exists(dotGit) ? dotGit
            : ReadLine(dotGit) is { } link && link.StartsWith("gitdir:", StringComparison.Ordinal) ? Path.GetFullPath(link["gitdir:".Length..].Trim(), root)
            : null;
        if (gitDir is null)
        {
            return false;
        }

        string common = ReadLine(Path.Combine(gitDir, "commondir")) is { } relative ? Path.GetFullPath(relative, gitDir) : gitDir;
        return File.Exists(Path.Combine(common, "shallow"));
    }

    private static string? ReadLine(string path)
    {
        try
        {
            return File.Exists(path) ? FileBytes.ReadText(path, MaxRefBytes).Split('\n')[0].Trim() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
