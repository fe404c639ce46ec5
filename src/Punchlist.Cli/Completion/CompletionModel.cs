using System.CommandLine;

namespace Punchlist.Cli.Completion;

/// <summary>An option as completion sees it: its names, what it says, and the values it takes (none; any; one of a list).</summary>
internal sealed record CompletedOption(IReadOnlyList<string> Names, string Description, bool TakesValue, IReadOnlyList<string> Choices);

/// <summary>A command as completion sees it: its name, what it says, its options (its own and the global ones), and what its arguments complete to.</summary>
internal sealed record CompletedCommand(string Name, string Description, IReadOnlyList<CompletedOption> Options, bool Files, IReadOnlyList<string> Values);

/// <summary>
/// The command tree reduced to what a completion script needs, so that each shell's script is
/// written from the same facts and a new command or option completes without touching the scripts.
/// </summary>
internal static class CompletionModel
{
    public static List<CompletedCommand> Of(RootCommand root)
    {
        var global = root.Options.Where(o => !o.Hidden).Select(Option).ToList();
        return root.Subcommands.Where(c => !c.Hidden).OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CompletedCommand(
                c.Name,
                FirstSentence(c.Description),
                [.. c.Options.Where(o => !o.Hidden).Select(Option), .. global.Where(g => g.Names[0] is not "--version")],
                c.Arguments.Any(a => a.Name is "path" or "folder"),
                c.Arguments.SelectMany(Choices).ToList()))
            .ToList();
    }

    public static List<CompletedOption> Global(RootCommand root) => root.Options.Where(o => !o.Hidden).Select(Option).ToList();

    private static CompletedOption Option(Option option) => new(
        [option.Name, .. option.Aliases.Where(a => a.StartsWith('-') && a != "-?")],
        FirstSentence(option.Description),
        option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool),
        Values(option.HelpName));

    private static IEnumerable<string> Choices(Argument argument) => Values(argument.HelpName);

    // A help name such as `error|warning|note` lists the values; `N|TEXT` names placeholders, which complete to nothing.
    private static string[] Values(string? help) =>
        help is not null && help.Contains('|', StringComparison.Ordinal) && help.Split('|').All(v => v.Length > 0 && !v.All(char.IsAsciiLetterUpper) && !v.Contains('.', StringComparison.Ordinal))
            ? help.Split('|')
            : [];

    // Completion menus show a line each: the description up to its first colon, semicolon or bracket.
    private static string FirstSentence(string? description)
    {
        string text = description ?? string.Empty;
        int cut = text.IndexOfAny([':', ';', '(', '[']);
        return (cut > 0 ? text[..cut] : text).Trim();
    }
}
