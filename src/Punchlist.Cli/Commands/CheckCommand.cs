using System.CommandLine;
using Punchlist.Analysis.Findings;
using Punchlist.Cli.Json;
using Punchlist.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Cli.Sarif;
using Punchlist.Storage.History;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Commands;

/// <summary>
/// `punch check`: every finding, as compiler-style text, JSON or SARIF; exit 1 when one reaches
/// `--fail-on` (error by default), so that CI can gate on it. A gate pointed at a folder with no
/// tracker fails (exit 2) rather than passing on nothing, unless `--allow-empty`.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var paths = GlobalOptions.Paths();
        var format = OptionValues.Choice("--format", "Output: text (default), json (as --json) or sarif (SARIF 2.1.0 for code scanning)", ["text", "json", "sarif"]);
        var failOn = OptionValues.Choice("--fail-on", "Exit 1 when a finding is at least this severe: error (default), warning, note, or none to never fail",
            ["error", "warning", "note", "none"], fallback: "error");
        var rule = new Option<string[]>("--rule") { Description = "Only these rules, by code or name (PL003, overdue; repeat or comma-separate)", HelpName = "CODE" };
        var severity = OptionValues.Choice("--severity", "Only findings at least this severe: error, warning or note", ["error", "warning", "note"]);
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing: the exit code says whether the check passed" };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Pass when the paths hold no tracker (by default that is an error: a gate on the wrong folder)" };
        var command = new Command("check", "Report false claims, contradictions, late items and broken references") { paths, format, failOn, rule, severity, quiet, allowEmpty };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            string chosen = Format(parse.GetValue(format), context.Json);
            var codes = Rules(parse.GetValue(rule) ?? []);
            var minimum = parse.GetValue(severity) is { } s && Severities.TryParse(s, out var parsed) ? parsed : (Severity?)null;
            var workspace = context.Load(parse.GetValue(paths), environment);
            if (workspace.Documents.Count == 0 && !parse.GetValue(allowEmpty))
            {
                throw new PunchlistException($"no tracker here to check (no Markdown or Org file holds a task or an item card{Trackers.FilteredHint(workspace.Config)}); --allow-empty passes anyway");
            }

            context.WarnOfProbeAddresses(workspace);
            var evidence = workspace.Evidence();
            using var clock = HistoryClock.Open(workspace.Root, workspace.Config, context.IndexOptionsFor(workspace.Root));
            var findings = workspace.Check(context.Today, clock, evidence)
                .Where(f => (codes is null || codes.Contains(f.Code)) && (minimum is null || f.Severity >= minimum))
                .ToList();
            context.Warn(evidence.Warnings());
            string gate = parse.GetValue(failOn)!;
            bool fails = Fails(findings, gate);
            if (parse.GetValue(quiet))
            {
                return fails ? ExitCodes.Findings : ExitCodes.Ok;
            }

            switch (chosen)
            {
                case "json":
                    JsonOutput.Write(context.Out, FindingMapping.Report(findings, workspace.Documents.Count, context.Today, gate, !fails));
                    break;
                case "sarif":
                    SarifWriter.Write(context.Out, findings, workspace.Documents, FindingRules.Default, workspace.Root);
                    break;
                default:
                    FindingsRenderer.Render(context.Screen, workspace.Documents, findings);
                    if (context.Explain)
                    {
                        ClaimsExplainRenderer.Render(context.Screen, workspace);
                        NotesRenderer.Render(context.Screen, workspace.Documents);
                        context.Screen.Line();
                    }

                    string? filtered = codes is null && minimum is null ? null
                        : $" ({string.Join(", ", new[] { codes is null ? null : string.Join(", ", codes.Order(StringComparer.Ordinal)), minimum is null ? null : $"{minimum.Value.Name()} and above" }.OfType<string>())})";
                    FindingsRenderer.Summary(context.Screen, workspace.Documents.Count, findings, gate, filtered);
                    break;
            }

            return fails ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>True when a finding is at least as severe as <paramref name="failOn"/> (`none` never fails).</summary>
    public static bool Fails(IEnumerable<Finding> findings, string failOn) =>
        Severities.TryParse(failOn, out var threshold) && findings.Any(f => f.Severity >= threshold);

    // The codes `--rule` names, by code or by name; null when it names none (every rule).
    private static HashSet<string>? Rules(string[] values)
    {
        var names = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0)
        {
            return null;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            var found = FindingRules.Find(name);
            codes.Add(found?.Info.Code ?? throw new PunchlistException(
                $"--rule: no rule '{TerminalText.Quote(name)}'{UsageErrors.Meant(name, [.. FindingRules.Default.SelectMany(r => new[] { r.Info.Code, r.Info.Name })])} (rules: {string.Join(", ", FindingRules.Default.Select(r => r.Info.Code))})"));
        }

        return codes;
    }

    private static string Format(string? format, bool json) => (format, json) switch
    {
        (null, true) => "json",
        (null, false) => "text",
        ("json", _) => "json",
        (_, true) => throw new PunchlistException($"--json and --format {format} ask for two outputs; give one"),
        _ => format,
    };
}
