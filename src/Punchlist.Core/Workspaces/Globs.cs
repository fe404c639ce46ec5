using DotNet.Globbing;

namespace Punchlist.Workspaces;

/// <summary>
/// The one place a glob a person wrote (punchlist.yml's include and exclude, a query's `doc:`) becomes
/// a matcher. DotNet.Globbing throws on some malformed brackets (`[a-]`, `[a-`, `[!a-`) and on an empty
/// pattern, while matching as well as while parsing, so a pattern is checked against its grammar first
/// and then tried once; what fails is a <see cref="GlobException"/> with the reason, never a crash.
/// </summary>
public static class Globs
{
    private static readonly GlobOptions CaseInsensitive = new() { Evaluation = { CaseInsensitive = true } };
    private static readonly GlobOptions CaseSensitive = new() { Evaluation = { CaseInsensitive = false } };

    /// <exception cref="GlobException">The pattern is not a glob this library can match.</exception>
    public static Glob Parse(string pattern, bool caseInsensitive = true)
    {
        if (Problem(pattern) is { } problem)
        {
            throw new GlobException(pattern, problem);
        }

        try
        {
            var glob = Glob.Parse(pattern, caseInsensitive ? CaseInsensitive : CaseSensitive);
            _ = glob.IsMatch("a") | glob.IsMatch("docs/a.md") | glob.IsMatch(pattern);
            return glob;
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new GlobException(pattern, "the glob library cannot read it");
        }
    }

    // DotNet.Globbing matches by backtracking: each `**` tries every later folder and each `*` every
    // later character, so the cost of one match grows as the path's length to the power of the
    // wildcards (the fuzzer's `docs/**/*s/**/*s/…` of 1.4 KB did not finish in 20 s). Real include and
    // exclude lists use one or two of each; these bounds keep the worst match small and the pattern
    // readable, and what passes them is refused in one line instead of hanging.
    internal const int MaxLength = 512;
    internal const int MaxFolderWildcards = 4;
    internal const int MaxWildcards = 12;

    /// <summary>Why the pattern is not a glob, or null: empty, too long or too wild to match in bounded time, or a `[…]` that is not closed, empty, or has a range without both ends in order.</summary>
    public static string? Problem(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "it is empty";
        }

        if (pattern.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        int folderWildcards = CountOf(pattern, "**");
        if (folderWildcards > MaxFolderWildcards)
        {
            return $"it has {folderWildcards} '**' (at most {MaxFolderWildcards})";
        }

        // A run of stars (`*` or `**`) is one wildcard, as is each `?`.
        int wildcards = pattern.Where((c, i) => c == '?' || (c == '*' && (i == 0 || pattern[i - 1] != '*'))).Count();
        if (wildcards > MaxWildcards)
        {
            return $"it has {wildcards} wildcards ('*', '**' or '?'; at most {MaxWildcards})";
        }

        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '[')
            {
                continue;
            }

            int start = i + 1 < pattern.Length && pattern[i + 1] == '!' ? i + 2 : i + 1;
            int close = pattern.IndexOf(']', start);
            if (close < 0)
            {
                return $"the '[' at {i + 1} is never closed";
            }

            string inside = pattern[start..close];
            if (inside.Length == 0 || inside.Contains('[', StringComparison.Ordinal))
            {
                return $"the '[…]' at {i + 1} holds no characters to match";
            }

            if (inside[0] == '-' || inside[^1] == '-' || BadRange(inside))
            {
                return $"a range in the '[…]' at {i + 1} needs a first and a last character, in order (such as [a-z])";
            }

            i = close;
        }

        return null;
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static bool BadRange(string inside)
    {
        for (int i = 1; i + 1 < inside.Length; i++)
        {
            if (inside[i] == '-' && (inside[i - 1] > inside[i + 1] || inside[i + 1] == '-'))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A pattern that is not a glob: the message says which and why.</summary>
public sealed class GlobException(string pattern, string reason) : FormatException($"'{Shown(pattern)}' is not a glob: {reason}")
{
    private const int MostShown = 80;

    public string Pattern { get; } = pattern;

    public string Reason { get; } = reason;

    // The pattern as a one-line error shows it (the fuzzer found a multi-line YAML scalar of 6 KB
    // quoted whole): line breaks and other control characters escaped, a long one cut.
    private static string Shown(string pattern)
    {
        var text = new System.Text.StringBuilder();
        foreach (char c in pattern.Length > MostShown ? pattern[..MostShown] : pattern)
        {
            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return pattern.Length > MostShown ? text.Append('…').ToString() : text.ToString();
    }
}
