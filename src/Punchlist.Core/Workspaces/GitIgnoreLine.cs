using System.Text;

namespace Punchlist.Workspaces;

/// <summary>
/// A `.gitignore` line as git's own matcher (wildmatch) reads its bracket expressions, rewritten in
/// one plain form for the ignore library, which compiles patterns to regular expressions and throws
/// on brackets git accepts. Git's rules: `]` right after `[` or `[!` is a literal; `\` escapes; an
/// unclosed `[` (`[`, `foo[`, `[]`, `[!a-`) or an unknown `[:class:]` makes the line match nothing;
/// in `[z-a]` the `z` is a literal and the reversed range adds nothing.
/// </summary>
internal static class GitIgnoreLine
{
    private static readonly string[] Classes = ["alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "xdigit"];

    /// <summary>The line with its bracket expressions rewritten, or null when git would never match it.</summary>
    public static string? Normalise(string line)
    {
        if (line.IndexOf('[', StringComparison.Ordinal) < 0 || line.StartsWith('#'))
        {
            return line;
        }

        var result = new StringBuilder(line.Length + 8);
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                result.Append(c).Append(line[++i]);
            }
            else if (c == '[')
            {
                int end = Bracket(line, i, result);
                if (end < 0)
                {
                    return null;
                }

                i = end;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    // Reads the bracket expression at `open`, appends its plain form; returns the index of its `]`, or -1.
    private static int Bracket(string line, int open, StringBuilder result)
    {
        int j = open + 1;
        bool negated = j < line.Length && line[j] is '!' or '^';
        if (negated)
        {
            j++;
        }

        var items = new StringBuilder();
        char? previous = null;
        for (bool first = true; ; first = false, j++)
        {
            if (j >= line.Length)
            {
                return -1;
            }

            char c = line[j];
            if (c == ']' && !first)
            {
                break;
            }

            if (c == '\\')
            {
                if (++j >= line.Length)
                {
                    return -1;
                }

                previous = line[j];
                Literal(items, line[j]);
            }
            else if (c == '-' && previous is { } low && j + 1 < line.Length && line[j + 1] != ']')
            {
                char high = line[++j];
                if (high == '\\')
                {
                    if (++j >= line.Length)
                    {
                        return -1;
                    }

                    high = line[j];
                }

                if (low <= high)
                {
                    Literal(items, low);
                    items.Append('-');
                    Literal(items, high);
                }

                previous = null;
            }
            else if (c == '[' && j + 1 < line.Length && line[j + 1] == ':')
            {
                int close = line.IndexOf(']', j + 2);
                if (close > j + 2 && line[close - 1] == ':')
                {
                    string name = line[(j + 2)..(close - 1)];
                    if (Array.IndexOf(Classes, name) < 0)
                    {
                        return -1;
                    }

                    items.Append("[:").Append(name).Append(":]");
                    previous = null;
                    j = close;
                }
                else
                {
                    previous = '[';
                    Literal(items, '[');
                }
            }
            else
            {
                previous = c;
                Literal(items, c);
            }
        }

        result.Append('[');
        if (negated)
        {
            result.Append('!');
        }

        result.Append(items).Append(']');
        return j;
    }

    private static void Literal(StringBuilder items, char c)
    {
        if (c is ']' or '[' or '\\' or '-' or '^')
        {
            items.Append('\\');
        }

        items.Append(c);
    }
}
