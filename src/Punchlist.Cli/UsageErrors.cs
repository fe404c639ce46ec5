using System.CommandLine;
using System.CommandLine.Parsing;
using Punchlist.Cli.Rendering;

namespace Punchlist.Cli;

/// <summary>
/// A command line the parser did not take, said in one line as git and cargo say it: what was wrong,
/// for which command, and what was probably meant (`unknown option '--jsn' for 'punch status' (did you
/// mean --json?)`). An option's own parser has already said what its value should be.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The first thing wrong with <paramref name="parse"/>, or null when nothing is.</summary>
    public static string? Describe(ParseResult parse, IReadOnlyList<string> commandNames)
    {
        var command = parse.CommandResult.Command;
        string where = command is RootCommand ? string.Empty : $" for 'punch {command.Name}'";

        // An unknown option is taken as a positional value (a path) when the command has one: it is
        // named as what it is, unless it came after `--`.
        if (StrayOption(parse) is { } stray)
        {
            return $"unknown option '{TerminalText.Quote(stray)}'{where}{Meant(stray, OptionNames(command))}";
        }

        if (parse.Errors.Count == 0)
        {
            return null;
        }

        if (parse.UnmatchedTokens.Count > 0)
        {
            string token = parse.UnmatchedTokens[0];
            if (token.StartsWith('-') && token.Length > 1)
            {
                return $"unknown option '{TerminalText.Quote(token)}'{where}{Meant(token, OptionNames(command))}";
            }

            if (command is not RootCommand)
            {
                return $"unexpected argument '{TerminalText.Quote(token)}'{where} (see punch {command.Name} --help)";
            }

            string meant = Meant(token, commandNames);
            return $"unknown command '{TerminalText.Quote(token)}'{(meant.Length > 0 ? meant : $" (commands: {string.Join(", ", commandNames)})")}";
        }

        var error = parse.Errors[0];
        var option = error.SymbolResult switch
        {
            OptionResult o => o.Option,
            ArgumentResult { Parent: OptionResult o } => o.Option,
            _ => null,
        };
        if (option is not null && error.SymbolResult is { Tokens.Count: 0 } && !error.Message.StartsWith(option.Name, StringComparison.Ordinal))
        {
            return option.HelpName is { } help && help.Contains('|', StringComparison.Ordinal)
                ? $"{option.Name} expects a value ({OptionValues.Listed(help.Split('|'))})"
                : $"{option.Name} expects a value{(option.HelpName is { } name ? $" ({name})" : string.Empty)}";
        }

        if (error.SymbolResult is ArgumentResult { Parent: CommandResult owner } missing && missing.Tokens.Count == 0)
        {
            return $"punch {owner.Command.Name} needs {Article(missing.Argument.HelpName ?? missing.Argument.Name)} (see punch {owner.Command.Name} --help)";
        }

        // Whatever else the parser said, on one line, in our style.
        string message = string.Join(' ', error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
        return message.Length > 0 && char.IsUpper(message[0]) && !message.StartsWith("--", StringComparison.Ordinal)
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
    }

    private static string Article(string name) => name.Length > 0 && "AEIOU".Contains(char.ToUpperInvariant(name[0])) ? $"an {name}" : $"a {name}";

    // A value that looks like an option, taken by a positional argument before any `--`.
    private static string? StrayOption(ParseResult parse)
    {
        int doubleDash = parse.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var beforeDash = doubleDash < 0 ? parse.Tokens : parse.Tokens.Take(doubleDash);
        var positional = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).ToHashSet(ReferenceEqualityComparer.Instance);
        return beforeDash.FirstOrDefault(t => positional.Contains(t) && t.Value.Length > 1 && t.Value.StartsWith('-') && !IsNumber(t.Value))?.Value;
    }

    private static bool IsNumber(string value) => double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static List<string> OptionNames(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command c; symbol = c.Parents.FirstOrDefault())
        {
            foreach (var option in c.Options.Where(o => !o.Hidden && (ReferenceEquals(c, command) || o.Recursive)))
            {
                names.Add(option.Name);
                names.AddRange(option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)));
            }
        }

        return names;
    }

    /// <summary>` (did you mean X?)` when one or two names are close to <paramref name="typed"/>; else nothing.</summary>
    public static string Meant(string typed, IReadOnlyList<string> names)
    {
        string bare = typed.TrimStart('-');
        var scored = names.Distinct(StringComparer.Ordinal)
            .Select(n => (Name: n, Distance: Distance(bare.ToLowerInvariant(), n.TrimStart('-'))))
            .Where(s => s.Distance <= Math.Max(1, Math.Min(2, bare.Length / 3)) || (bare.Length >= 3 && s.Name.TrimStart('-').StartsWith(bare, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(s => s.Distance)
            .ToList();
        if (scored.Count == 0)
        {
            return string.Empty;
        }

        var best = scored.Where(s => s.Distance == scored[0].Distance).Take(2).Select(s => s.Name).ToList();
        return $" (did you mean {string.Join(" or ", best)}?)";
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours
    // each cost one, so `--jsno` is one step from `--json`. Small enough to write; no package for it.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
