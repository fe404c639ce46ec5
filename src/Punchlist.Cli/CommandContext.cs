using System.CommandLine;
using Punchlist.Model;
using Punchlist.Workspaces;
using Spectre.Console;

namespace Punchlist.Cli;

/// <summary>What a command runs with: where to write, what today is, how to render.</summary>
internal sealed class CommandContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required IAnsiConsole Console { get; init; }

    public required DateOnly Today { get; init; }

    public required bool Json { get; init; }

    public required bool Explain { get; init; }

    public required bool Verbose { get; init; }

    public static CommandContext From(ParseResult parse, GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        bool color = environment.ColorAllowed && !parse.GetValue(options.NoColor);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = environment.Width ?? (System.Console.IsOutputRedirected ? 120 : Math.Max(80, System.Console.WindowWidth));
        return new CommandContext
        {
            Out = output,
            Error = error,
            Console = console,
            Today = parse.GetValue(options.Today) ?? environment.Today,
            Json = parse.GetValue(options.Json),
            Explain = parse.GetValue(options.Explain),
            Verbose = parse.GetValue(options.Verbose),
        };
    }

    public Workspace Load(string[]? paths, CliEnvironment environment)
    {
        var workspace = WorkspaceLoader.Load(Targets(paths, environment));
        Report(workspace.Warnings, workspace.FilesFound, workspace.FilesParsed, workspace.Documents.Count);
        return workspace;
    }

    /// <summary>Like <see cref="Load"/>, keeping only what <paramref name="keep"/> makes of each tracker.</summary>
    public WorkspaceScan<T> Scan<T>(string[]? paths, CliEnvironment environment, Func<TrackerDocument, T> keep)
    {
        var scan = WorkspaceLoader.Scan(Targets(paths, environment), keep);
        Report(scan.Warnings, scan.FilesFound, scan.FilesParsed, scan.Results.Count);
        return scan;
    }

    private static string[] Targets(string[]? paths, CliEnvironment environment) =>
        paths is { Length: > 0 } ? paths : [environment.WorkingDirectory];

    private void Report(IReadOnlyList<string> warnings, int found, int parsed, int trackers)
    {
        foreach (string warning in warnings)
        {
            Error.WriteLine($"punch: warning: {warning}");
        }

        if (Verbose)
        {
            Error.WriteLine($"punch: {found} Markdown files found, {parsed} parsed, {trackers} trackers");
        }
    }
}
