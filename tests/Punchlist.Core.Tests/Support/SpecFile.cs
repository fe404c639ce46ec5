using System.Text;
using System.Text.RegularExpressions;

namespace Punchlist.Tests.Support;

/// <summary>
/// Spec files: Markdown documents whose `## ` headings name cases. A case has one `~~~~ markdown`
/// (or `~~~~ org`) fence (the input), optionally more documents beside it (`~~~~ markdown other.md`) and a
/// `~~~~ options` fence, and one or more `~~~~ expect WHAT` fences
/// (what <see cref="ModelDump"/> prints for WHAT). In inputs, `⇥` stands for a tab, `␍` for a
/// carriage return and `␀` for NUL, so that the spec stays readable.
/// </summary>
public sealed partial class SpecFile
{
    private readonly List<string> _lines;

    private SpecFile(string path, List<string> lines, List<SpecCase> cases)
    {
        Path = path;
        _lines = lines;
        Cases = cases;
    }

    public string Path { get; }

    public IReadOnlyList<SpecCase> Cases { get; }

    public static SpecFile Load(string path)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var cases = new List<SpecCase>();
        SpecCase? current = null;
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                current = new SpecCase(lines[i][3..].Trim());
                cases.Add(current);
                continue;
            }

            var open = Fence().Match(lines[i]);
            if (!open.Success || current is null)
            {
                continue;
            }

            string fence = open.Groups[1].Value;
            int start = i + 1;
            int end = start;
            while (end < lines.Count && !(lines[end].StartsWith(fence, StringComparison.Ordinal) && lines[end].Trim().Trim(fence[0]).Length == 0))
            {
                end++;
            }

            string body = string.Join("\n", lines.Skip(start).Take(end - start));
            string kind = open.Groups[2].Value;
            if (kind is "markdown" or "org" && open.Groups[3].Value.Trim() is { Length: > 0 } name)
            {
                current.Documents[name] = Decode(body + "\n");
            }
            else if (kind is "markdown" or "org")
            {
                current.Input = Decode(body + "\n");
            }
            else if (kind == "options")
            {
                current.Options = body;
            }
            else if (kind == "expect")
            {
                current.Expectations.Add(new SpecExpectation(open.Groups[3].Value.Trim(), body.Length == 0 ? string.Empty : body + "\n", start, end));
            }

            i = end;
        }

        return new SpecFile(path, lines, cases);
    }

    /// <summary>
    /// Compares each of the case's expectations with what <paramref name="actual"/> makes of it. Under
    /// PUNCHLIST_UPDATE_GOLDEN=1 the file is rewritten with the actual output and false is returned
    /// (the caller stops); else every difference fails the test, and true means all matched.
    /// </summary>
    public bool Expect(SpecCase @case, Func<SpecExpectation, string> actual)
    {
        var failures = @case.Expectations.Select(e => (Expectation: e, Actual: actual(e))).Where(f => f.Actual != f.Expectation.Text).ToList();
        if (failures.Count > 0 && Repo.UpdateGolden)
        {
            Rewrite(failures);
            return false;
        }

        foreach (var (expectation, text) in failures)
        {
            Assert.Equal(expectation.Text, text);
        }

        return true;
    }

    /// <summary>Rewrites expectations with actual output (PUNCHLIST_UPDATE_GOLDEN=1), last first so line numbers hold.</summary>
    public void Rewrite(IEnumerable<(SpecExpectation Expectation, string Actual)> updates)
    {
        foreach (var (expectation, actual) in updates.OrderByDescending(u => u.Expectation.StartLine))
        {
            _lines.RemoveRange(expectation.StartLine, expectation.EndLine - expectation.StartLine);
            _lines.InsertRange(expectation.StartLine, actual.TrimEnd('\n').Split('\n').Where(_ => actual.Length > 0));
        }

        File.WriteAllText(Path, string.Join("\n", _lines), new UTF8Encoding(false));
    }

    private static string Decode(string text) => text.Replace('⇥', '\t').Replace("␍", "\r", StringComparison.Ordinal).Replace('␀', '\0');

    [GeneratedRegex(@"^(~{4,}|`{4,})\s*(markdown|org|options|expect)\b(.*)$")]
    private static partial Regex Fence();
}

public sealed class SpecCase(string name)
{
    public string Name { get; } = name;

    public string Input { get; set; } = string.Empty;

    public string? Options { get; set; }

    /// <summary>Other documents of the case's workspace, by path.</summary>
    public Dictionary<string, string> Documents { get; } = new(StringComparer.Ordinal);

    public List<SpecExpectation> Expectations { get; } = [];
}

public sealed record SpecExpectation(string What, string Text, int StartLine, int EndLine);
