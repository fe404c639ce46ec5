using System.Globalization;
using System.Text;

namespace Punchlist.History.Git;

/// <summary>One file a commit changed against its first parent: `A`dded, `M`odified, `D`eleted or `R`enamed (from <see cref="FromPath"/>).</summary>
public sealed record GitChange(char Kind, string? FromPath, string Path, string? OldBlob, string? NewBlob);

/// <summary>A commit as the history reads it: committer time (when it landed), author, subject, and the tracker files it changed.</summary>
public sealed record GitCommit(string Id, IReadOnlyList<string> Parents, DateTime When, string Author, string Subject, IReadOnlyList<GitChange> Changes)
{
    public bool IsMerge => Parents.Count > 1;
}

/// <summary>
/// The commits of the main line (first parents) in order, oldest first, each with the tracker files (Markdown, Org)
/// it changed against its first parent — a merge's changes are what it brought to the main line —
/// read from one `git log --raw -z` as it streams (renames detected, blob ids in full). Only regular
/// files; paths relative to the working directory (`--relative`).
/// </summary>
public static class CommitLog
{
    /// <summary>The pathspecs of the files history reads, as Discovery finds them (case ignored).</summary>
    public static readonly string[] Pathspecs = [":(icase)*.md", ":(icase)*.markdown", ":(icase)*.org"];

    private const string Format = "--format=%x1e%H%x1f%P%x1f%ct%x1f%an%x1f%s";

    /// <summary>
    /// `git log` arguments for the main line up to <paramref name="head"/>: all of it, the commits that
    /// changed Markdown files only; or, after <paramref name="after"/>, every commit (so that the
    /// oldest shows whether it follows <paramref name="after"/>: the branch moved forward, not rewritten).
    /// </summary>
    public static string[] Arguments(string head, string? after) =>
    [
        "log", "--first-parent", "--reverse", "--raw", "-z", "--no-abbrev", "-M", "--diff-merges=first-parent",
        "--no-textconv", "--no-ext-diff", "--no-color", "--relative", Format,
        after is null ? head : $"{after}..{head}", "--", .. after is null ? Pathspecs : [],
    ];

    /// <summary>Reads the commits <paramref name="git"/> prints for <see cref="Arguments"/>, one at a time.</summary>
    public static IEnumerable<GitCommit> Parse(Stream output)
    {
        var tokens = new NulTokens(output);
        string? header = null;
        var changes = new List<GitChange>();
        while (tokens.Next() is { } token)
        {
            token = token.TrimStart('\n');
            if (token.StartsWith('\u001e'))
            {
                if (header is not null)
                {
                    yield return Commit(header, changes);
                    changes = [];
                }

                header = token[1..];
            }
            else if (token.StartsWith(':'))
            {
                // ":100644 100644 <old> <new> <status>", then the path, then for a rename or copy the new path.
                var meta = token[1..].Split(' ');
                string path = tokens.Next() ?? string.Empty;
                char kind = meta[4][0];
                string? from = null;
                if (kind is 'R' or 'C')
                {
                    from = path;
                    path = tokens.Next() ?? string.Empty;
                }

                if (IsRegular(meta[0]) || IsRegular(meta[1]))
                {
                    changes.Add(new GitChange(kind == 'C' ? 'A' : kind, kind == 'R' ? from : null, path,
                        IsRegular(meta[0]) ? meta[2] : null, IsRegular(meta[1]) ? meta[3] : null));
                }
            }
        }

        if (header is not null)
        {
            yield return Commit(header, changes);
        }
    }

    // A regular file (executable or not): not a symbolic link, a submodule, or nothing (000000).
    private static bool IsRegular(string mode) => mode is "100644" or "100755";

    private static GitCommit Commit(string header, List<GitChange> changes)
    {
        var parts = header.Split('\u001f');
        long seconds = long.Parse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture);
        return new GitCommit(parts[0], parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries),
            DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime, parts[3], parts.Length > 4 ? parts[4] : string.Empty, changes);
    }

    // NUL-separated fields of a stream, decoded as UTF-8 (what git writes for paths with core.quotepath off).
    private sealed class NulTokens(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private readonly MemoryStream _field = new();
        private int _start;
        private int _end;

        public string? Next()
        {
            _field.SetLength(0);
            while (true)
            {
                if (_start == _end)
                {
                    _end = stream.Read(_buffer, 0, _buffer.Length);
                    _start = 0;
                    if (_end == 0)
                    {
                        return _field.Length == 0 ? null : Text();
                    }
                }

                int nul = Array.IndexOf(_buffer, (byte)0, _start, _end - _start);
                if (nul < 0)
                {
                    _field.Write(_buffer, _start, _end - _start);
                    _start = _end;
                    continue;
                }

                _field.Write(_buffer, _start, nul - _start);
                _start = nul + 1;
                return Text();
            }
        }

        private string Text() => Encoding.UTF8.GetString(_field.GetBuffer(), 0, (int)_field.Length);
    }
}
