namespace Punchlist.Cli;

/// <summary>What the command line reads from its surroundings, injected so tests can fix it.</summary>
/// <param name="ColorAllowed">Whether `--color auto` colours: standard output is a terminal and NO_COLOR is not set, or FORCE_COLOR is.</param>
/// <param name="Width">The width to lay tables out for, when known (COLUMNS, else the terminal's); else <see cref="DefaultWidth"/>.</param>
internal sealed record CliEnvironment(DateOnly Today, bool ColorAllowed, int? Width, string WorkingDirectory)
{
    /// <summary>The width of output that goes to a file or a pipe, when COLUMNS does not say.</summary>
    public const int DefaultWidth = 100;

    /// <summary>Keep the index on disk under the workspace (tests turn this off: they never write beside their inputs).</summary>
    public bool IndexOnDisk { get; init; } = true;

    /// <summary>Where long output goes on a terminal (a pager and its lines), or null: not a terminal, or no pager wanted.</summary>
    public PagerOutput? Pager { get; init; }

    /// <summary>Reads an environment variable (`PUNCHLIST_TOKEN` for `punch push`); tests give their own.</summary>
    public Func<string, string?> Variable { get; init; } = name => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    public static CliEnvironment FromProcess()
    {
        bool terminal = !Console.IsOutputRedirected;
        string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

        // NO_COLOR (no-color.org) turns automatic colour off; FORCE_COLOR or CLICOLOR_FORCE turn it on
        // where there is no terminal (`punch check | less -R`); `--color` overrides both.
        bool forced = Variable("FORCE_COLOR") is { } force && force != "0" || Variable("CLICOLOR_FORCE") is { } clicolor && clicolor != "0";
        bool color = forced || (terminal && Variable("NO_COLOR") is null && Variable("TERM") != "dumb");
        int? width = int.TryParse(Variable("COLUMNS"), out int columns) && columns > 0 ? columns : terminal ? TerminalWidth() : null;
        return new CliEnvironment(DateOnly.FromDateTime(DateTime.Now), color, width, Directory.GetCurrentDirectory())
        {
            Pager = terminal ? PagerOutput.ForTerminal(Variable) : null,
        };
    }

    private static int? TerminalWidth()
    {
        try
        {
            return Console.WindowWidth is > 0 and int width ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
