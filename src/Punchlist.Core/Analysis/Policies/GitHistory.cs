using System.Collections.Concurrent;
using System.Globalization;
using Punchlist.Git;
using Punchlist.Model;

namespace Punchlist.Analysis.Policies;

/// <summary>
/// When an item first appeared, from the `git` command-line program: one `git log --reverse -p` per
/// document (through <see cref="GitCommand"/>, so the repository's textconv and diff drivers never
/// run), scanned for the first commit whose added lines carry the item's ID or its title as written.
/// The clock is the committer date (`%ct`): when the line landed. Documents outside a repository, not
/// committed, or whose history git cannot give within <see cref="Timeout"/>, have no history.
/// </summary>
public sealed class GitHistory(string root) : ICreationClock
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, List<(DateTime When, string Added)>?> _logs = new(StringComparer.Ordinal);

    public DateTime? CreatedAt(TrackerDocument document, Item item)
    {
        var log = _logs.GetOrAdd(document.Path, Log);
        if (log is null)
        {
            return null;
        }

        // The ID, else the title as written in the source: diff lines are Markdown (`- [ ] Set up **CI**`),
        // which the plain-text title no longer is.
        string identity = item.Id ?? document.Source.Slice(item.TitleSpan).Trim();
        if (identity.Length < 3)
        {
            return null;
        }

        foreach (var (when, added) in log)
        {
            if (added.Contains(identity, StringComparison.Ordinal))
            {
                return when;
            }
        }

        return null;
    }

    // Each commit that touched the file, oldest first, with the text of the lines it added.
    private List<(DateTime, string)>? Log(string path)
    {
        var (exit, output, _) = GitCommand.Run(root, ["log", "--reverse", "--no-color", "--unified=0", "--format=%x01%ct", "-p", .. GitCommand.NoConverters, "--", path], Timeout);
        if (exit != 0 || output.Length == 0)
        {
            return null;
        }

        var commits = new List<(DateTime, string)>();
        foreach (string chunk in output.Split('\u0001', StringSplitOptions.RemoveEmptyEntries))
        {
            int newline = chunk.IndexOf('\n', StringComparison.Ordinal);
            string stamp = newline < 0 ? chunk : chunk[..newline];
            if (!long.TryParse(stamp.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long seconds))
            {
                continue;
            }

            var added = string.Join('\n', chunk.Split('\n').Where(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)));
            commits.Add((DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime, added));
        }

        return commits;
    }
}
