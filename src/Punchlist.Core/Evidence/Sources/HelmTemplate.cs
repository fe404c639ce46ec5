using System.Text;

namespace Punchlist.Evidence.Sources;

/// <summary>
/// Makes a Helm template readable as YAML without evaluating it: a line that is only template
/// actions (`{{- toYaml .Values.resources | nindent 12 }}`) becomes blank, and an action inside a
/// line becomes `x`. Lines keep their numbers. A key followed by a removed action still shows the
/// key, so probes read "set from values" as set.
/// </summary>
internal static class HelmTemplate
{
    public static bool IsTemplate(string text) => text.Contains("{{", StringComparison.Ordinal);

    public static string Clean(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (string line in text.Split('\n'))
        {
            string stripped = Strip(line.TrimEnd('\r'));
            result.Append(stripped.Trim() is "x" or "" && line.Contains("{{", StringComparison.Ordinal) ? string.Empty : stripped).Append('\n');
        }

        return result.ToString();
    }

    private static string Strip(string line)
    {
        var sb = new StringBuilder(line.Length);
        int i = 0;
        while (i < line.Length)
        {
            int open = line.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                sb.Append(line, i, line.Length - i);
                break;
            }

            int close = line.IndexOf("}}", open + 2, StringComparison.Ordinal);
            sb.Append(line, i, open - i).Append('x');
            i = close < 0 ? line.Length : close + 2;
        }

        return sb.ToString();
    }
}
