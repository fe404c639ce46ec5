using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Punchlist.Cli;

/// <summary>
/// `--help`: System.CommandLine's help, then examples of the command (gh and cargo print theirs), and
/// for `punch` itself the exit codes, configuration and where the documentation is.
/// </summary>
internal sealed class ExampleHelpAction(HelpAction help) : SynchronousCommandLineAction
{
    private static readonly Dictionary<string, string[]> Examples = new(StringComparer.Ordinal)
    {
        ["status"] = ["punch status                      every tracker under this folder", "punch status docs/ --by owner      also sum up by owner", "punch status --json --today 2026-11-21"],
        ["list"] = ["punch list --state open --priority P0", "punch list is:overdue               due before today and not done", "punch list 'is:overdue owner:none'", "punch list --sort due --limit 20", "punch list docs/plans/"],
        ["show"] = ["punch show ROADMAP.md#MH-002", "punch show MH-002                 a bare key works when one document has it", "punch show TODO.md#L12             the item on line 12"],
        ["search"] = ["punch search backup                 words rank; \"a phrase\", -word, a OR b",
            "punch search 'owner:priya is:open due:<2026-12-01'",
            "punch search 'priority:p0 is:overdue'     also: state:, doc:, section:, tech:, effort:, sort:", "punch search 'tech:docker priority:p0 is:open' --json", "punch search restore --state open --limit 5"],
        ["check"] = ["punch check                        every finding; exit 1 on errors", "punch check --format sarif > punch.sarif", "punch check --fail-on warning --rule PL001,PL002", "punch check -q && echo clean"],
        ["sync"] = ["punch sync                         the diff that would make every tracker true", "punch sync --write", "punch sync --write --encoding --statuses", "punch sync --check                 in CI: exit 1 when a tracker is out of date"],
        ["done"] = ["punch done ROADMAP.md#MH-002 --criterion 1", "punch done MH-002 --criterion 'restore drill'"],
        ["reopen"] = ["punch reopen MH-002", "punch reopen TODO.md#L12"],
        ["verify"] = ["punch verify", "punch verify --explain", "punch verify --run-commands --timeout 60", "punch verify --probes"],
        ["report"] = ["punch report > report.md           the last 7 days, as Markdown", "punch report --since 2026-11-01 --format html -o report.html"],
        ["export"] = ["punch export --format jsonl -o items.jsonl", "punch export --format csv > items.csv"],
        ["mcp"] = ["punch mcp                          serve this workspace to an agent over stdio", "punch mcp --root ~/src/shop --read-only"],
        ["config"] = ["punch config", "punch config --json"],
        ["init"] = ["punch init                         write a commented punchlist.yml here"],
        ["completion"] = ["punch completion bash > ~/.local/share/bash-completion/completions/punch", "punch completion zsh > \"${fpath[1]}/_punch\"", "punch completion fish > ~/.config/fish/completions/punch.fish", "punch completion powershell >> $PROFILE"],
    };

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        var command = parseResult.CommandResult.Command;
        if (command is RootCommand)
        {
            output.WriteLine("""
                Examples:
                  punch status                    true progress of every tracker here
                  punch list is:overdue           what is late
                  punch check                     every false claim and late item (exit 1 on errors)
                  punch help status               more about a command

                Exit codes: 0 success · 1 findings at or above --fail-on, or sync --check found changes · 2 usage or input error
                Configuration: punchlist.yml at the workspace root (punch init writes one; punch config shows it)
                """);
            output.WriteLine("Documentation: docs/ in Punchlist's source (cli.md every command, query.md queries, findings.md finding codes)");
            output.WriteLine();
        }
        else if (Examples.TryGetValue(command.Name, out var examples))
        {
            output.WriteLine("Examples:");
            foreach (string example in examples)
            {
                output.WriteLine($"  {example}");
            }

            output.WriteLine();
        }

        return ExitCodes.Ok;
    }
}

/// <summary>`punch --version`: `punch 0.1.0 (4d7ada0)`, the commit cut to what git shows.</summary>
internal sealed class PunchVersionAction : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public static string Text()
    {
        string informational = typeof(PunchVersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? $"punch {informational}" : $"punch {informational[..plus]} ({informational[(plus + 1)..][..Math.Min(7, informational.Length - plus - 1)]})";
    }

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Text());
        return ExitCodes.Ok;
    }
}
