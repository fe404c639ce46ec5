using MAB.DotIgnore;

namespace Punchlist.Workspaces;

/// <summary>
/// The `.gitignore` files that apply in a folder, outermost first: a folder's rules are its parent's
/// and its own. Shared by the walk for Markdown files (<see cref="Discovery"/>) and the walk for the
/// repository's evidence, so both ignore the same files. An unreadable `.gitignore` ignores nothing.
/// </summary>
internal sealed class IgnoreRules
{
    public static readonly IgnoreRules None = new([]);

    private readonly (string Dir, IgnoreList List)[] _lists;

    private IgnoreRules((string Dir, IgnoreList List)[] lists) => _lists = lists;

    public bool IsEmpty => _lists.Length == 0;

    /// <summary>The rules of the folders from <paramref name="root"/> down to the parent of <paramref name="start"/>, where a walk of it begins.</summary>
    public static IgnoreRules Above(string root, string start)
    {
        var chain = new List<string>();
        for (var dir = Directory.GetParent(start); dir is not null && dir.FullName.Length >= root.Length; dir = dir.Parent)
        {
            chain.Add(dir.FullName);
        }

        chain.Reverse();
        return chain.Aggregate(None, (rules, dir) => rules.In(dir));
    }

    /// <summary>
    /// The rules inside <paramref name="dir"/>: these and its own `.gitignore`, when it has one.
    /// <paramref name="found"/> hears of that file before it is read (the evidence walk stamps it).
    /// </summary>
    public IgnoreRules In(string dir, Action<string>? found = null)
    {
        string path = Path.Combine(dir, ".gitignore");
        try
        {
            if (!File.Exists(path))
            {
                return this;
            }

            found?.Invoke(path);
            return new IgnoreRules([.. _lists, (dir, Parse(FileBytes.ReadText(path, MaxIgnoreBytes)))]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return this;
        }
    }

    // A .gitignore past this is not one a person wrote; it ignores nothing rather than cost the walk.
    private const long MaxIgnoreBytes = 1 << 20;

    /// <summary>
    /// The list of a `.gitignore`'s lines, each first read as git reads it (<see cref="GitIgnoreLine"/>),
    /// then kept only if the library can match it: a line it cannot evaluate must not stop the walk, and
    /// git itself lets such a line match nothing.
    /// </summary>
    internal static IgnoreList Parse(string text)
    {
        var rules = new List<string>();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#') || GitIgnoreLine.Normalise(line) is not { } normal)
            {
                continue;
            }

            if (normal.AsSpan().IndexOfAny('[', '\\') < 0)
            {
                rules.Add(normal); // plain lines and stars never failed: the probe is for brackets and escapes
                continue;
            }

            try
            {
                var probe = new IgnoreList([normal], MatchFlags.PATHNAME);
                _ = probe.IsIgnored("a", false) | probe.IsIgnored("a/b", true);
                rules.Add(normal);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException or InvalidOperationException)
            {
                // RegexParseException is an ArgumentException: the line matches nothing, as in git.
            }
        }

        return new IgnoreList(rules, MatchFlags.PATHNAME);
    }

    /// <summary>Whether a file or folder (by full path) is ignored by any of the rules.</summary>
    public bool Ignores(string full, bool isDir)
    {
        foreach (var (dir, list) in _lists)
        {
            string relative = Path.GetRelativePath(dir, full).Replace('\\', '/');
            if (!relative.StartsWith("..", StringComparison.Ordinal) && list.IsIgnored(relative, isDir))
            {
                return true;
            }
        }

        return false;
    }
}
