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

    /// <summary>Why the pattern is not a glob, or null: empty, or a `[…]` that is not closed, empty, or has a range without both ends in order.</summary>
    public static string? Problem(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "it is empty";
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
public sealed class GlobException(string pattern, string reason) : FormatException($"'{pattern}' is not a glob: {reason}")
{
    public string Pattern { get; } = pattern;

    public string Reason { get; } = reason;
}
