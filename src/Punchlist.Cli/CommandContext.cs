using System.CommandLine;
using Punchlist.Storage;
using Punchlist.Workspaces;
using Spectre.Console;

namespace Punchlist.Cli;

/// <summary>What a command runs with: where to write, what today is, how to render.</summary>
internal sealed class CommandContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>
    /// The terminal renderer, made on first use: a run that prints JSON never loads Spectre.Console
    /// (about a hundred methods to compile in a fresh process).
    /// </summary>
    public IAnsiConsole Console => LazyConsole.Value;

    private Lazy<IAnsiConsole> LazyConsole { get; init; } = null!;

    public required DateOnly Today { get; init; }

    public required bool Json { get; init; }

    public required bool Explain { get; init; }

    public required bool Verbose { get; init; }

    public bool NoIndex { get; init; }

    public static CommandContext From(ParseResult parse, GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        bool color = environment.ColorAllowed && !parse.GetValue(options.NoColor);
        return new CommandContext
        {
            Out = output,
            Error = error,
            LazyConsole = new Lazy<IAnsiConsole>(() => CreateConsole(output, color, environment.Width), LazyThreadSafetyMode.None),
            Today = parse.GetValue(options.Today) ?? environment.Today,
            Json = parse.GetValue(options.Json),
            Explain = parse.GetValue(options.Explain),
            Verbose = parse.GetValue(options.Verbose),
            NoIndex = parse.GetValue(options.NoIndex) || !environment.IndexOnDisk,
        };
    }

    private static IAnsiConsole CreateConsole(TextWriter output, bool color, int? width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width ?? (System.Console.IsOutputRedirected ? 120 : Math.Max(80, System.Console.WindowWidth));
        return console;
    }

    public Workspace Load(string[]? paths, CliEnvironment environment)
    {
        var workspace = WorkspaceLoader.Load(paths is { Length: > 0 } ? paths : [environment.WorkingDirectory]);
        Warn(workspace.Warnings);

        if (Verbose)
        {
            Error.WriteLine($"punch: {workspace.FilesFound} Markdown files found, {workspace.FilesParsed} parsed, {workspace.Documents.Count} trackers");
        }

        return workspace;
    }

    /// <summary>Warnings go to standard error, one line each, whatever the output format.</summary>
    public void Warn(IEnumerable<string> warnings)
    {
        foreach (string warning in warnings)
        {
            Warn(warning);
        }
    }

    public void Warn(string warning) => Error.WriteLine($"punch: warning: {warning}");

    /// <summary>
    /// Scans through the workspace's index (see <see cref="IndexedScan"/>); <paramref name="factsOnly"/> when only
    /// status facts are needed, <paramref name="keepDocuments"/> when the documents parsed will be checked.
    /// </summary>
    public IndexedWorkspace Scan(string[]? paths, CliEnvironment environment, bool factsOnly = false, bool keepDocuments = false) =>
        IndexedScan.Run(this, paths, environment, factsOnly, keepDocuments);
}
