using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Punchlist.Analysis.Findings;
using Punchlist.Cli.Json;
using Punchlist.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Model;
using Punchlist.Workspaces;
using YamlDotNet.RepresentationModel;

namespace Punchlist.Cli.Commands;

/// <summary>
/// `punch config`: the configuration in effect for a path — the workspace root and why it is the
/// root, every punchlist.yml setting with its value and where it came from (the file's line, or the
/// default), and how this terminal's output is set up (colour, width, pager).
/// </summary>
internal static class ConfigCommand
{
    public const string Schema = "punchlist.config/1";

    private static readonly ConfigJsonContext Readable = new(new JsonSerializerOptions(ConfigJsonContext.Default.Options) { Encoder = ReadableEncoder.Instance });

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var path = new Argument<string?>("path") { Description = "A file or folder in the workspace (default: the current folder)", HelpName = "PATH", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("config", "Show the configuration in effect and where each value came from") { path };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            string target = PathArguments.Check(parse.GetValue(path) is { } p ? [p] : null, environment)[0];
            string root = Discovery.FindRoot(target);
            var config = ConfigLoader.Load(root);
            var lines = KeyLines(root);
            var settings = Settings(config, lines);
            var report = new ConfigJson(Schema, root, RootReason(root), lines.Count > 0 || File.Exists(Path.Combine(root, PunchlistConfig.FileName)) ? PunchlistConfig.FileName : null,
                PathArguments.InWorkspace([target]) ? ".punchlist/index.db" : null, settings,
                new OutputJson(context.Color, ColorReason(parse, options, environment), context.Width, WidthReason(parse, options, environment), environment.Pager?.Command));
            if (context.Json)
            {
                JsonOutput.Write(context.Out, report, Readable.ConfigJson);
            }
            else
            {
                Render(context.Screen, report);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(Screen screen, ConfigJson report)
    {
        screen.Wrapped("[grey]Workspace[/]  ", 11, [new Span(TerminalText.Clean(report.Root), "bold"), new Span($"  ({report.RootReason})", "grey")]);
        screen.Wrapped("[grey]Config[/]     ", 11, report.File is null ? "no punchlist.yml: every setting is its default (punch init writes one)" : TerminalText.Clean(Path.Combine(report.Root, report.File)));
        screen.Wrapped("[grey]Index[/]      ", 11, report.Index ?? "in memory: not in a workspace (no .git or punchlist.yml at or above it)");
        screen.Line();
        var table = new TextTable(
            new Column("Setting") { Keep = 100 },
            new Column("Value") { Cut = Cut.End, Min = 16, Comfort = 50, Keep = 90 },
            new Column("From") { Cut = Cut.End, Min = 10, Comfort = 30, Keep = 80 });
        foreach (var setting in report.Settings)
        {
            table.Add(Cell.Text(setting.Name), Cell.Text(setting.Value), Cell.Text(setting.From, setting.From == "default" ? "grey" : "green"));
        }

        screen.Table(table);
        screen.Line();
        var output = report.Output;
        screen.Wrapped("[grey]Colour[/]     ", 11, $"{(output.Color ? "on" : "off")} ({output.ColorReason})");
        screen.Wrapped("[grey]Width[/]      ", 11, $"{output.Width} columns ({output.WidthReason})");
        screen.Wrapped("[grey]Pager[/]      ", 11, output.Pager is { } pager ? $"{TerminalText.Clean(pager)} for output taller than the terminal (--no-pager, PUNCH_PAGER, PAGER)" : "none (not a terminal, or PAGER is empty or cat)");
    }

    private static List<SettingJson> Settings(PunchlistConfig config, Dictionary<string, int> lines)
    {
        string From(string key) => lines.TryGetValue(key, out int line) ? $"{PunchlistConfig.FileName}:{line}" : "default";
        var policy = config.Check;
        return
        [
            new("include", config.Include.Count == 0 ? "every *.md and *.markdown file" : string.Join(", ", config.Include), From("include")),
            new("exclude", config.Exclude.Count == 0 ? "nothing beyond .gitignore, .git, node_modules, bin, obj" : string.Join(", ", config.Exclude), From("exclude")),
            new("hoursPerDay", config.HoursPerDay.ToString(CultureInfo.InvariantCulture), From("hoursPerDay")),
            new("markers", config.Markers.Count == 0 ? "built in: [/] in progress, [-] cancelled, [~] n/a" : string.Join(", ", config.Markers.Select(m => $"[{m.Key}] {m.Value.Name()}")), From("markers")),
            new("statuses", config.Statuses.Count == 0 ? "built in" : string.Join(", ", config.Statuses.Select(s => $"{s.Key} → {s.Value.Name()}")), From("statuses")),
            new("rules", policy.Rules.Count == 0 ? "every rule at its default severity" : string.Join(", ", policy.Rules.Select(r => $"{r.Key} {(r.Value is { } s ? s.Name() : "off")}")), From("rules")),
            new("sla", policy.Sla.Count == 0 ? "none (a document's own SLA table applies)" : string.Join(", ", policy.Sla.Select(s => $"{s.Key} {s.Value.Text}")), From("sla")),
            new("review", policy.Review.Text, From("review")),
            new("sprint", $"{policy.SprintDays.ToString(CultureInfo.InvariantCulture)} days", From("sprint")),
            new("probes", config.Probes.Off.Count == 0 && config.Probes.Items.Count == 0 ? "every probe, tied to items by meaning"
                : string.Join("; ", new[] { config.Probes.Off.Count == 0 ? null : $"off: {string.Join(", ", config.Probes.Off)}", config.Probes.Items.Count == 0 ? null : $"items: {string.Join(", ", config.Probes.Items.Select(i => $"{i.Key} → {string.Join(", ", i.Value)}"))}" }.OfType<string>()),
                From("probes")),
        ];
    }

    // Where each top-level key of punchlist.yml is written (ConfigLoader has checked the file already).
    private static Dictionary<string, int> KeyLines(string root)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        string file = Path.Combine(root, PunchlistConfig.FileName);
        if (!File.Exists(file))
        {
            return lines;
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
        {
            foreach (var (key, _) in map.Children)
            {
                if (key is YamlScalarNode { Value: { } name })
                {
                    lines[name] = (int)key.Start.Line;
                }
            }
        }

        return lines;
    }

    private static string RootReason(string root) =>
        File.Exists(Path.Combine(root, PunchlistConfig.FileName)) ? "holds punchlist.yml"
            : Path.Exists(Path.Combine(root, ".git")) ? "holds .git"
            : "no .git or punchlist.yml at or above it: the folder itself";

    private static string ColorReason(ParseResult parse, GlobalOptions options, CliEnvironment environment) =>
        parse.GetValue(options.Plain) ? "--plain"
            : parse.GetValue(options.NoColor) ? "--no-color"
            : parse.GetValue(options.Color) is { } color and not "auto" ? $"--color {color}"
            : environment.ColorAllowed ? "auto: a terminal, or FORCE_COLOR" : "auto: not a terminal, NO_COLOR or TERM=dumb";

    private static string WidthReason(ParseResult parse, GlobalOptions options, CliEnvironment environment) =>
        parse.GetValue(options.Width) is not null ? "--width"
            : environment.Width is not null ? "COLUMNS or the terminal"
            : "the default for output that is not a terminal";
}

/// <summary>`punchlist.config/1`: `punch config --json`.</summary>
internal sealed record ConfigJson(string Schema, string Root, string RootReason, string? File, string? Index, IReadOnlyList<SettingJson> Settings, OutputJson Output);

/// <summary>A setting, its value in words, and where it came from: `punchlist.yml:LINE` or `default`.</summary>
internal sealed record SettingJson(string Name, string Value, string From);

internal sealed record OutputJson(bool Color, string ColorReason, int Width, string WidthReason, string? Pager);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ConfigJson))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
