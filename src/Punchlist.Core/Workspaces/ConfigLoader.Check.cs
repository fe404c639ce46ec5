using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using YamlDotNet.RepresentationModel;

namespace Punchlist.Workspaces;

/// <summary>The settings of `punch check`: rules turned off or re-graded, SLAs per priority, review cadence, sprint length.</summary>
public static partial class ConfigLoader
{
    private static readonly string[] PriorityNames = ["P0", "P1", "P2", "P3"];

    // `rules: {PL011: off, sla-breached: error}`: every rule, by code or by the name `punch check`
    // prints, must be one the catalogue knows, every value a severity or off — a typo must not
    // silently leave a rule on.
    private static Dictionary<string, Severity?> RuleSettings(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(node.Start, "expected a mapping of rule codes, such as `rules: {PL011: off, PL003: error}`");
        }

        var result = new Dictionary<string, Severity?>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            string code = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (FindingRules.Find(code) is not { } rule)
            {
                // A name written short or long (`sla-breach` for `sla-breached`) is named back.
                var near = FindingRules.Default.FirstOrDefault(r => code.Length >= 4
                    && (r.Info.Name.StartsWith(code, StringComparison.OrdinalIgnoreCase) || code.StartsWith(r.Info.Name, StringComparison.OrdinalIgnoreCase)));
                throw Error(key.Start, $"unknown rule '{code}'{(near is null ? string.Empty : $" (did you mean {near.Info.Name}?)")} (known, by code or name: {string.Join(", ", FindingRules.Default.Select(r => $"{r.Info.Code} {r.Info.Name}"))})");
            }

            string setting = ((value as YamlScalarNode)?.Value ?? string.Empty).Trim();
            result[rule.Info.Code] = setting.ToLowerInvariant() switch
            {
                "off" or "false" or "none" => null,
                _ when Severities.TryParse(setting, out var severity) => severity,
                _ => throw Error(value.Start, $"'{setting}' is not a setting for {rule.Info.Code} (error, warning, note or off)"),
            };
        }

        return result;
    }

    // `sla: {P0: 24 hours, P1: 2 weeks, P2: sprint, P3: quarterly}`.
    private static Dictionary<string, Duration> SlaSettings(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(node.Start, "expected a mapping of priorities to durations, such as `sla: {P0: 24 hours, P1: 2 weeks}`");
        }

        var result = new Dictionary<string, Duration>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            string priority = ((key as YamlScalarNode)?.Value ?? string.Empty).Trim().ToUpperInvariant();
            if (Array.IndexOf(PriorityNames, priority) < 0)
            {
                throw Error(key.Start, $"'{(key as YamlScalarNode)?.Value}' is not a priority (P0, P1, P2, P3)");
            }

            result[priority] = DurationSetting(value, "a duration such as `24 hours`, `2 weeks`, `sprint` or `quarterly`");
        }

        return result;
    }

    // `sprint:` may come after the durations that say `sprint`: read those again once its length is known.
    private static PunchlistConfig WithSprint(PunchlistConfig config)
    {
        var check = config.Check;
        if (check.SprintDays == CheckPolicy.Default.SprintDays)
        {
            return config;
        }

        return config with
        {
            Check = check with
            {
                Sla = check.Sla.ToDictionary(p => p.Key, p => Duration.Parse(p.Value.Text, check.SprintDays) ?? p.Value, StringComparer.Ordinal),
                Review = Duration.Parse(check.Review.Text, check.SprintDays) ?? check.Review,
                Stale = Duration.Parse(check.Stale.Text, check.SprintDays) ?? check.Stale,
            },
        };
    }

    private static Duration DurationSetting(YamlNode node, string expected) =>
        node is YamlScalarNode { Value: { } text } && Duration.Parse(text) is { } duration && (duration.Hours > 0 || duration.Months > 0)
            ? duration
            : throw Error(node.Start, $"expected {expected}");
}
