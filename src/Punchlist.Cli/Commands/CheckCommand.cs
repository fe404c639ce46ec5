using System.CommandLine;
using Punchlist.Analysis.Findings;
using Punchlist.Cli.Json;
using Punchlist.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Cli.Sarif;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Commands;

/// <summary>
/// `punch check`: every finding, as compiler-style text, JSON or SARIF; exit 1 when one reaches
/// `--fail-on` (error by default), so that CI can gate on it.
/// </summary>
internal static class CheckCommand
{
    public const string Schema = FindingsJson.Version;

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var paths = GlobalOptions.Paths();
        var format = new Option<string?>("--format") { Description = "Output: text (default), json (as --json) or sarif (SARIF 2.1.0 for code scanning)" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a finding is at least this severe: error (default), warning, note, or none to never fail",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "none");
        var command = new Command("check", "Report false claims, contradictions, late items and broken references") { paths, format, failOn };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            string chosen = Format(parse.GetValue(format), context.Json);
            var workspace = context.Load(parse.GetValue(paths), environment);
            var evidence = workspace.Evidence();
            var findings = workspace.Check(context.Today, evidence: evidence);
            context.Warn(evidence.Warnings());
            switch (chosen)
            {
                case "json":
                    JsonOutput.Write(context.Out, new FindingsJson(Schema, findings.Select(FindingMapping.Json).ToList()));
                    break;
                case "sarif":
                    SarifWriter.Write(context.Out, findings, workspace.Documents, FindingRules.Default, workspace.Root);
                    break;
                default:
                    FindingsRenderer.Render(context.Console, workspace, findings, parse.GetValue(failOn)!);
                    if (context.Explain)
                    {
                        ClaimsExplainRenderer.Render(context.Console, workspace);
                    }

                    break;
            }

            return Fails(findings, parse.GetValue(failOn)!) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>True when a finding is at least as severe as <paramref name="failOn"/> (`none` never fails).</summary>
    public static bool Fails(IEnumerable<Finding> findings, string failOn) =>
        Severities.TryParse(failOn, out var threshold) && findings.Any(f => f.Severity >= threshold);

    private static string Format(string? format, bool json) => (format, json) switch
    {
        (null, true) => "json",
        (null, false) => "text",
        ("json", _) => "json",
        (_, true) => throw new PunchlistException($"--json and --format {format} ask for two outputs; give one"),
        _ => format,
    };
}
