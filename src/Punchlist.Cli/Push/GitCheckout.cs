using System.Globalization;
using Punchlist.History.Git;
using Punchlist.Json;

namespace Punchlist.Cli.Push;

/// <summary>What `punch push` needs from git: the checked-out commit, when it was committed, the branch, and the repository's name from its `origin` remote.</summary>
internal static class GitCheckout
{
    public static PushCommitJson Commit(string root)
    {
        var git = new HistoryGit(root);
        var (exit, output, error) = git.Run("show", "-s", "--format=%H%n%cI", "HEAD");
        if (exit != 0)
        {
            throw new PunchlistException($"no commit to push: git show HEAD failed ({Clean(error)})");
        }

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var committedAt = DateTimeOffset.Parse(lines[1], CultureInfo.InvariantCulture);
        var (branchExit, branch, _) = git.Run("symbolic-ref", "--quiet", "--short", "HEAD");
        // CI checks out a detached commit; its branch is in the CI's own variables.
        string? name = branchExit == 0 ? branch.Trim() : Environment.GetEnvironmentVariable("GITHUB_REF_NAME") ?? Environment.GetEnvironmentVariable("CI_COMMIT_REF_NAME");
        return new PushCommitJson(lines[0], committedAt, string.IsNullOrEmpty(name) ? null : name);
    }

    /// <summary>OWNER/NAME from the `origin` remote's URL; null when there is none or it names no such path.</summary>
    public static string? RepositoryFromOrigin(string root)
    {
        var (exit, output, _) = new HistoryGit(root).Run("remote", "get-url", "origin");
        return exit == 0 ? RepositoryFromUrl(output.Trim()) : null;
    }

    /// <summary>
    /// The path of a remote URL without `.git`: `https://github.com/acme/api.git`,
    /// `git@github.com:acme/api.git` and `ssh://git@gitlab.example.com:2222/platform/team/api` give
    /// `acme/api` and `platform/team/api`.
    /// </summary>
    public static string? RepositoryFromUrl(string url)
    {
        string path;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh" or "git")
        {
            path = uri.AbsolutePath;
        }
        else if (url.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && !url.Contains("://", StringComparison.Ordinal))
        {
            path = url[(colon + 1)..]; // scp-like: user@host:owner/name.git
        }
        else
        {
            return null;
        }

        path = path.Trim('/');
        if (path.EndsWith(".git", StringComparison.Ordinal))
        {
            path = path[..^4];
        }

        return PushWire.IsRepositoryName(path) ? path : null;
    }

    private static string Clean(string error) => error.Trim().Split('\n')[0];
}
