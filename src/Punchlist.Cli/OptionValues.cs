using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Punchlist.Cli.Rendering;

namespace Punchlist.Cli;

/// <summary>
/// Options whose values are checked by their own parser, so that a bad value is one line that names
/// the option and what it takes (`--limit expects a whole number of 1 or more, not 'x'`), never the
/// parser's conversion error or an exception; choices are taken in any case.
/// </summary>
internal static class OptionValues
{
    public static Option<string?> Choice(string name, string description, string[] values, bool recursive = false, string? fallback = null)
    {
        var option = new Option<string?>(name)
        {
            Description = description,
            HelpName = string.Join('|', values),
            Recursive = recursive,
            CustomParser = result => Pick(result, name, values),
        };
        if (fallback is not null)
        {
            option.DefaultValueFactory = _ => fallback;
        }

        return option;
    }

    private static string? Pick(ArgumentResult result, string name, string[] values)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        string? match = values.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            result.AddError($"{name} expects {Listed(values)}, not '{TerminalText.Quote(text)}'");
        }

        return match;
    }

    public static Option<int?> Count(string name, string description, bool recursive = false, int min = 1) => new(name)
    {
        Description = description,
        HelpName = "N",
        Recursive = recursive,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min)
            {
                return value;
            }

            result.AddError($"{name} expects a whole number of {min} or more, not '{TerminalText.Quote(text)}'");
            return null;
        },
    };

    /// <summary>`a, b or c`.</summary>
    public static string Listed(IReadOnlyList<string> values) =>
        values.Count <= 1 ? string.Join(string.Empty, values) : $"{string.Join(", ", values.Take(values.Count - 1))} or {values[^1]}";
}
