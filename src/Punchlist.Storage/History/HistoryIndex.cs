using Microsoft.Data.Sqlite;
using Punchlist.Analysis.Policies;
using Punchlist.History.Git;
using Punchlist.Workspaces;

namespace Punchlist.Storage.History;

/// <summary>Whether a workspace has a history to read, and if not, why.</summary>
public enum HistoryState
{
    Ready,
    NotARepository,
    NoGit,
    NoCommits,
    Shallow,
}

/// <summary>
/// The workspace's history, brought up to date from git and kept in its index. <see cref="State"/>
/// says whether there is one; <see cref="Reason"/>, when there is not, says why in one line.
/// </summary>
public sealed class HistoryIndex : IDisposable
{
    private readonly IndexDatabase _database;

    private HistoryIndex(IndexDatabase database, string root, HistoryState state, string? reason, HistoryReadCounts? read)
    {
        _database = database;
        Root = root;
        State = state;
        Reason = reason;
        Read = read;
    }

    public string Root { get; }

    public HistoryState State { get; }

    /// <summary>Why there is no history; null when <see cref="State"/> is ready.</summary>
    public string? Reason { get; }

    /// <summary>What this run read from git: commits and blobs parsed (null when it read nothing).</summary>
    public HistoryReadCounts? Read { get; }

    /// <summary>The index file, or null in memory.</summary>
    public string? IndexPath => _database.Path;

    public HistoryReader Reader => new(_database.Connection);

    /// <summary>Opens the index of the workspace at <paramref name="root"/> and reads the commits it lacks.</summary>
    public static HistoryIndex Open(string root, PunchlistConfig config, IndexOptions options)
    {
        var (database, _) = WorkspaceIndex.OpenIndex(root, options);
        try
        {
            var (state, reason, read) = Update(database.Connection, root, config);
            return new HistoryIndex(database, root, state, reason, read);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>Brings the history tables of an open index up to the checked-out commit.</summary>
    internal static (HistoryState State, string? Reason, HistoryReadCounts? Read) Update(SqliteConnection connection, string root, PunchlistConfig config)
    {
        if (GitHead.RepositoryRoot(root) is null)
        {
            return (HistoryState.NotARepository, $"{Shown(root)} is not in a git repository: there is no history to read", null);
        }

        // The checked-out commit, read from .git without starting git: on the warm path (the commit read
        // last) nothing more is done; on the others no process is spent on asking git what .git says.
        string? head = GitHead.Of(root);
        string? stored = HistoryWriter.Head(connection);
        if (head is not null && head == stored)
        {
            return (HistoryState.Ready, null, null);
        }

        if (head is not null && head.StartsWith("ref:", StringComparison.Ordinal))
        {
            return (HistoryState.NoCommits, "the repository has no commits yet: there is no history to read", null);
        }

        if (GitHead.IsShallow(root))
        {
            return (HistoryState.Shallow, "this is a shallow clone: its history is cut short (run `git fetch --unshallow` to read it whole)", null);
        }

        var git = new HistoryGit(root);
        if (head is null || !IsCommitId(head))
        {
            // What .git holds was not plain enough to read (another ref store): ask git.
            var (exit, output, error) = git.Run("rev-parse", "--verify", "-q", "HEAD^{commit}");
            if (exit == -1)
            {
                // Not installed, or stopped at its time limit: say which.
                return (HistoryState.NoGit, error == Punchlist.Git.GitCommand.NotInstalled ? NoGit : $"git cannot read the repository: {error}", null);
            }

            if (exit != 0)
            {
                string? problem = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
                return problem is null
                    ? (HistoryState.NoCommits, "the repository has no commits yet: there is no history to read", null)
                    : (HistoryState.NoGit, $"git cannot read the repository: {problem}", null);
            }

            head = output.Trim();
        }

        try
        {
            // One process reads the history of an index file at a time; one that waited finds it read.
            using var exclusive = HistoryLock.Take(connection.DataSource);
            return exclusive is not null && HistoryWriter.Head(connection) == head
                ? (HistoryState.Ready, null, null)
                : (HistoryState.Ready, null, HistoryBuilder.Update(connection, git, config, head));
        }
        catch (GitMissingException)
        {
            return (HistoryState.NoGit, NoGit, null);
        }
    }

    private const string NoGit = "git is not installed: history is read with the git program";

    private static bool IsCommitId(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);

    private static string Shown(string root) => Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)) is { Length: > 0 } name ? name : root;

    public void Dispose() => _database.Dispose();
}
