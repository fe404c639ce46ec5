using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Editing;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Cli.Sarif;

/// <summary>
/// Findings as a SARIF 2.1.0 log for code scanning (GitHub, Azure DevOps, editors): one rule per code
/// with its help, one result per finding with the exact region and a snippet, and the fix as
/// replacements where one is known. Paths are relative to the repository (or the workspace when
/// there is none), under the base id SRCROOT.
/// </summary>
internal static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string InformationUri = "urn:punchlist:punch";
    private const string SourceRoot = "SRCROOT";

    public static void Write(TextWriter output, IReadOnlyList<Finding> findings, IReadOnlyList<TrackerDocument> documents, IReadOnlyList<IFindingRule> rules, string root)
    {
        var log = Build(findings, documents, rules, root);
        output.WriteLine(JsonSerializer.Serialize(log, Context.SarifLog));
    }

    // Snippets and messages stay readable: emoji and backticks are written as themselves, not escaped.
    private static readonly SarifJsonContext Context = new(new JsonSerializerOptions(SarifJsonContext.Default.Options)
    {
        Encoder = Json.ReadableEncoder.Instance,
    });

    public static SarifLog Build(IReadOnlyList<Finding> findings, IReadOnlyList<TrackerDocument> documents, IReadOnlyList<IFindingRule> rules, string root)
    {
        // Code scanning wants paths from the repository root; a workspace may be a folder inside one.
        string repository = GitHead.RepositoryRoot(root) ?? root;
        string prefix = Path.GetRelativePath(repository, root).Replace('\\', '/');
        prefix = prefix == "." ? string.Empty : prefix + "/";
        var byPath = documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        var artifacts = findings.Select(f => f.Document).Distinct(StringComparer.Ordinal).ToList();
        var artifactIndex = artifacts.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i, StringComparer.Ordinal);
        var ruleIndex = rules.Select((r, i) => (r.Info.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);

        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<SarifResult>(findings.Count);
        foreach (var finding in findings)
        {
            var document = byPath[finding.Document];
            var location = new SarifArtifactLocation(Uri(prefix + finding.Document), SourceRoot, artifactIndex[finding.Document]);
            results.Add(new SarifResult(
                finding.Code,
                ruleIndex.TryGetValue(finding.Code, out int index) ? index : -1,
                finding.Severity.Name(),
                new SarifText(Sentence(finding.Message)),
                [new SarifLocation(new SarifPhysicalLocation(location, Region(document, finding.Span, snippet: true), ContextRegion(document, finding.Span)))],
                new Dictionary<string, string>(StringComparer.Ordinal) { ["punchlistFinding/v1"] = Fingerprint(finding, document, occurrences) },
                finding.Fix.Count == 0 ? null : [Fix(finding, document, location)]));
        }

        var driver = new SarifDriver("punch", "Punchlist (punch check)", Version(), Version(), InformationUri, rules.Select(Rule).ToList());
        return new SarifLog(SchemaUri, "2.1.0",
        [
            new SarifRun(
                new SarifTool(driver),
                new SarifAutomationDetails("punch/check/"),
                new Dictionary<string, SarifArtifactLocation>(StringComparer.Ordinal) { [SourceRoot] = new(DirectoryUri(repository)) },
                artifacts.Select(a => new SarifArtifact(new SarifArtifactLocation(Uri(prefix + a), SourceRoot), "text/markdown")).ToList(),
                results,
                "utf16CodeUnits"),
        ]);
    }

    private static SarifRule Rule(IFindingRule rule)
    {
        var info = rule.Info;
        string level = info.DefaultSeverity.Name();
        return new SarifRule(
            info.Code,
            Pascal(info.Name),
            new SarifText(Sentence(info.Summary)),
            new SarifText(Sentence(info.Help)),
            new SarifHelp($"{Sentence(info.Summary)} {Sentence(info.Help)} Silence it with `rules: {{{info.Code}: off}}` in punchlist.yml.",
                $"**{info.Code} {info.Name}**: {Sentence(info.Summary)}\n\n{Sentence(info.Help)}\n\nTo silence it, add `rules: {{{info.Code}: off}}` to `punchlist.yml` (or give it another severity: `error`, `warning`, `note`)."),
            new SarifConfiguration(level),
            new SarifRuleProperties(["punchlist", "tracker", info.Name], "high", info.DefaultSeverity == Severity.Note ? "recommendation" : level));
    }

    private static SarifFix Fix(Finding finding, TrackerDocument document, SarifArtifactLocation location) =>
        new(new SarifText(finding.Actual is { } actual ? Sentence($"Write '{actual}'") : "Apply the correction."),
            [new SarifArtifactChange(location, finding.Fix.Select(e => Replacement(document, e)).ToList())]);

    private static SarifReplacement Replacement(TrackerDocument document, TextEdit edit) =>
        new(Region(document, edit.Span, snippet: false), new SarifText(edit.NewText));

    private static SarifRegion Region(TrackerDocument document, TextSpan span, bool snippet)
    {
        var start = document.PositionOf(span.Start);
        var end = document.PositionOf(span.End);
        return new SarifRegion(start.Line, start.Column, end.Line, end.Column, snippet && span.Length > 0 ? new SarifText(document.Source.Slice(span)) : null);
    }

    // The whole lines the finding sits on: what an annotation shows around the region. SARIF wants it
    // strictly larger than the region, so a finding that covers its lines has none.
    private static SarifRegion? ContextRegion(TrackerDocument document, TextSpan span)
    {
        var lines = document.Source.Lines;
        string text = document.Source.Text;
        var first = lines.LineSpan(text, lines.LineIndexOf(span.Start));
        var last = lines.LineSpan(text, lines.LineIndexOf(Math.Max(span.Start, span.End - 1)));
        var whole = TextSpan.FromBounds(first.Start, Math.Max(first.Start, last.End));
        if (whole.Start >= span.Start && whole.End <= span.End)
        {
            return null;
        }

        var start = document.PositionOf(whole.Start);
        var end = document.PositionOf(whole.End);
        return new SarifRegion(start.Line, start.Column, end.Line, end.Column, whole.Length > 0 ? new SarifText(document.Source.Slice(whole)) : null);
    }

    // Stable while lines move: the code, the document, the text of the finding's line and which
    // occurrence of that text it is.
    private static string Fingerprint(Finding finding, TrackerDocument document, Dictionary<string, int> occurrences)
    {
        var lines = document.Source.Lines;
        string line = document.Source.Slice(lines.LineSpan(document.Source.Text, lines.LineIndexOf(finding.Span.Start))).Trim();
        string key = $"{finding.Code}\n{finding.Document}\n{finding.Item}\n{line}";
        int n = occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{n}")))[..32];
    }

    // SARIF messages are sentences: they end with a full stop.
    private static string Sentence(string text)
    {
        string trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }

    private static string Pascal(string name) =>
        string.Concat(name.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Uri(string relative) =>
        string.Join('/', relative.Split('/').Select(System.Uri.EscapeDataString));

    private static string DirectoryUri(string path) => new Uri(Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar).AbsoluteUri;

    private static string Version()
    {
        var version = typeof(SarifWriter).Assembly.GetName().Version ?? new Version(0, 0, 0);
        return $"{version.Major}.{version.Minor}.{version.Build}";
    }
}
