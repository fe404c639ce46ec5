namespace Punchlist.Tests.Support;

/// <summary>
/// A git repository in a temporary folder that a test builds commit by commit: files written, moved
/// and deleted, each commit on a chosen date (GIT_AUTHOR_DATE and GIT_COMMITTER_DATE) by a chosen
/// author, branches and merges. No global or system configuration is read. Deleted on dispose.
/// </summary>
public sealed class GitRepository : IDisposable
{
    public GitRepository()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "punchlist-history-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Git("init", "-q", "-b", "main");
    }

    public string Root { get; }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public GitRepository Write(string relative, string text)
    {
        string full = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n"));
        return this;
    }

    public GitRepository Move(string from, string to)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path(to))!);
        Git("mv", from, to);
        return this;
    }

    public GitRepository Delete(string relative)
    {
        Git("rm", "-q", relative);
        return this;
    }

    /// <summary>Commits everything on <paramref name="date"/> (`YYYY-MM-DD`, noon UTC, or a full ISO time); returns the commit id.</summary>
    public string Commit(string date, string message = "Update", string author = "Alice")
    {
        Git("add", "-A");
        GitAt(date, author, "commit", "-q", "--allow-empty", "-m", message);
        return Head;
    }

    public string Head => Git("rev-parse", "HEAD").Trim();

    public void Branch(string name) => Git("checkout", "-q", "-b", name);

    public void Checkout(string name) => Git("checkout", "-q", name);

    /// <summary>Merges <paramref name="branch"/> into the current branch with a merge commit (no fast-forward).</summary>
    public string Merge(string branch, string date, string author = "Alice")
    {
        GitAt(date, author, "merge", "-q", "--no-ff", "-m", $"Merge branch '{branch}'", branch);
        return Head;
    }

    public string Git(params string[] args) => GitAt(null, "Alice", args);

    private string GitAt(string? date, string author, params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = author,
            ["GIT_AUTHOR_EMAIL"] = $"{author.ToLowerInvariant()}@example.org",
            ["GIT_COMMITTER_NAME"] = author,
            ["GIT_COMMITTER_EMAIL"] = $"{author.ToLowerInvariant()}@example.org",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
        };
        if (date is not null)
        {
            string when = date.Length == 10 ? $"{date}T12:00:00Z" : date;
            environment["GIT_AUTHOR_DATE"] = when;
            environment["GIT_COMMITTER_DATE"] = when;
        }

        var (exit, output, error) = Processes.Run("git", args, Root, 60, environment);
        if (exit != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error}");
        }

        return output;
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal); // git makes its objects read-only
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder left behind is no failure of the test
        }
    }
}
