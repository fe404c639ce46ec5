using System.CommandLine;
using Punchlist.Cli.Json;
using Punchlist.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Evidence;
using Punchlist.Evidence.Probes;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Commands;

/// <summary>
/// `punch verify`: per item a verdict (verified, contradicted, unknown) and the evidence behind it —
/// files it names, probes of the repository, and with `--run-commands` (never otherwise) the
/// commands it lists.
/// </summary>
internal static class VerifyCommand
{
    public const string Schema = EvidenceReportJson.Version;

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var paths = GlobalOptions.Paths();
        var runCommands = new Option<bool>("--run-commands") { Description = "Also run the shell blocks under Validation/Verification headings (in the workspace, with a timeout)" };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds a command may run before it and everything it started is killed",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => (int)EvidenceOptions.DefaultTimeout.TotalSeconds,
            CustomParser = Seconds,
        };
        var probes = new Option<bool>("--probes") { Description = "List the probe catalogue and exit" };
        var command = new Command("verify", "Check items against the evidence in the repository") { paths, runCommands, timeout, probes };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            if (parse.GetValue(probes))
            {
                return ListProbes(context);
            }

            if (parse.GetValue(timeout) != (int)EvidenceOptions.DefaultTimeout.TotalSeconds && !parse.GetValue(runCommands))
            {
                context.Warn("--timeout has no effect without --run-commands: no command runs");
            }

            var workspace = context.Load(parse.GetValue(paths), environment);
            context.WarnOfProbeAddresses(workspace);
            var evidence = workspace.Evidence(parse.GetValue(runCommands), TimeSpan.FromSeconds(parse.GetValue(timeout)));
            var items = workspace.AllItems().Select(m => evidence.For(m.Document, m.Item)).ToList();
            context.Warn(evidence.Warnings());
            if (context.Json)
            {
                JsonOutput.Write(context.Out, new EvidenceReportJson(Schema, JsonMapping.Date(context.Today), evidence.Options.RunCommands,
                    items.Select(EvidenceMapping.Item).ToList(), EvidenceMapping.Totals(items)));
            }
            else
            {
                VerifyRenderer.Render(context.Screen, items, EvidenceMapping.Totals(items), context.Explain);
                if (context.Explain)
                {
                    NotesRenderer.Render(context.Screen, workspace.Documents);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Seconds(System.CommandLine.Parsing.ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int seconds) && seconds > 0)
        {
            return seconds;
        }

        result.AddError($"--timeout expects a positive number of seconds, not '{text}'");
        return 0;
    }

    private static int ListProbes(CommandContext context)
    {
        var catalogue = EvidenceMapping.Catalogue(ProbeCatalogue.All);
        if (context.Json)
        {
            JsonOutput.Write(context.Out, catalogue);
        }
        else
        {
            VerifyRenderer.RenderCatalogue(context.Screen, catalogue);
        }

        return ExitCodes.Ok;
    }
}
