using System.Globalization;
using Punchlist.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Punchlist.Workspaces;

/// <summary>
/// Reads `punchlist.yml`. Strict on purpose: an unknown key or a wrong value is an error with its
/// line and column, because a typo that silently disables a rule is worse than a refusal.
/// </summary>
public static partial class ConfigLoader
{
    // A settings file past this is not one a person wrote.
    private const long MaxConfigBytes = 1 << 20;

    private static readonly string[] Known = ["include", "exclude", "hoursPerDay", "markers", "statuses", "rules", "sla", "review", "stale", "sprint", "probes"];

    public static PunchlistConfig Load(string root)
    {
        string path = Path.Combine(root, PunchlistConfig.FileName);
        if (!File.Exists(path))
        {
            return PunchlistConfig.Empty;
        }

        string text;
        try
        {
            text = FileBytes.ReadText(path, MaxConfigBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PunchlistException($"{PunchlistConfig.FileName}: cannot be read: {e.Message}", e);
        }

        return Parse(text);
    }

    public static PunchlistConfig Parse(string text)
    {
        var load = Evidence.Sources.Yaml.Load(text);
        if (load.Problem is { } problem)
        {
            throw Error(load.At, $"not valid YAML: {OneLine(problem)}");
        }

        if (load.Documents.Count == 0 || load.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return PunchlistConfig.Empty;
        }

        if (load.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Error(load.Documents[0].RootNode.Start, "expected a mapping of settings (`include:`, `exclude:` …)");
        }

        var config = PunchlistConfig.Empty;
        foreach (var (keyNode, value) in root.Children)
        {
            string key = keyNode is YamlScalarNode { Value: { } name } ? name : throw Error(keyNode.Start, "expected a setting name");
            try
            {
                config = Setting(config, key, keyNode, value);
            }
            catch (Exception e) when (e is not PunchlistException and (ArgumentException or InvalidOperationException or FormatException or OverflowException or KeyNotFoundException))
            {
                // A value no check above foresaw (a marker given twice, a number out of range): still one line.
                throw Error(keyNode.Start, $"'{key}' cannot be read: {OneLine(e.Message)}");
            }
        }

        config = WithSprint(config);
        try
        {
            _ = config.ToReaderOptions();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw Error(Mark.Empty, $"the markers and statuses cannot be used together: {OneLine(e.Message)}");
        }

        return config;
    }

    private static PunchlistConfig Setting(PunchlistConfig config, string key, YamlNode keyNode, YamlNode value) =>
        key switch
        {
            "include" => config with { Include = Globs(value) },
            "exclude" => config with { Exclude = Globs(value) },
            "hoursPerDay" => config with { HoursPerDay = Number(value) },
            "markers" => config with { Markers = States(value).ToDictionary(p => Marker(p.Key, p.Node), p => p.State) },
            "statuses" => config with { Statuses = States(value).ToDictionary(p => p.Key, p => p.State, StringComparer.Ordinal) },
            "rules" => config with { Check = config.Check with { Rules = RuleSettings(value) } },
            "sla" => config with { Check = config.Check with { Sla = SlaSettings(value) } },
            "review" => config with { Check = config.Check with { Review = DurationSetting(value, "a review cadence such as `90 days` or `monthly`") } },
            "stale" => config with { Check = config.Check with { Stale = DurationSetting(value, "how long an open item may go unchanged, such as `90 days` or `quarterly`") } },
            "sprint" => config with { Check = config.Check with { SprintDays = DurationSetting(value, "a sprint length such as `2 weeks`").Hours / 24 } },
            "probes" => config with { Probes = ProbeSettingsReader.Read(value) },
            _ => throw Error(keyNode.Start, $"unknown setting '{key}' (known: {string.Join(", ", Known)})"),
        };

    private static List<string> Globs(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } } scalar => [Glob(scalar)],
        YamlSequenceNode sequence => sequence.Children.Select(c => c is YamlScalarNode { Value: { } } scalar ? Glob(scalar) : throw Error(c.Start, "expected a glob")).ToList(),
        _ => throw Error(node.Start, "expected a glob or a list of globs"),
    };

    // Checked here, where its line is known: a glob that cannot be matched is an error, never a crash later.
    private static string Glob(YamlScalarNode node)
    {
        try
        {
            Workspaces.Globs.Parse(node.Value!);
            return node.Value!;
        }
        catch (GlobException e)
        {
            throw Error(node.Start, e.Message);
        }
    }

    private static double Number(YamlNode node) =>
        node is YamlScalarNode { Value: { } v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) && n > 0
            ? n
            : throw Error(node.Start, "expected a positive number");

    private static IEnumerable<(string Key, ItemState State, YamlNode Node)> States(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(node.Start, "expected a mapping such as `\"!\": blocked`");
        }

        foreach (var (k, v) in map.Children)
        {
            string key = k is YamlScalarNode { Value: { } name } ? name : throw Error(k.Start, "expected a marker or a phrase");
            string state = (v as YamlScalarNode)?.Value ?? string.Empty;
            if (!ItemStates.TryParse(state, out var parsed))
            {
                throw Error(v.Start, $"'{state}' is not a state (open, in-progress, done, blocked, cancelled)");
            }

            yield return (key, parsed, k);
        }
    }

    private static char Marker(string key, YamlNode node) =>
        key.Length == 1 && Reading.TaskBoxes.IsMarker(key[0])
            ? key[0]
            : throw Error(node.Start, $"'{key}' is not a box marker (one character such as '!', '>' or '?')");

    // Every error is one line, whatever value it quotes (the fuzzer found multi-line scalars quoted whole).
    internal static PunchlistException Error(Mark at, string message) =>
        new(at.Line > 0 ? $"{PunchlistConfig.FileName}:{at.Line}:{at.Column}: {OneLine(message)}" : $"{PunchlistConfig.FileName}: {OneLine(message)}");

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
