using System.CommandLine;
using Punchlist.Cli.Rendering;
using Punchlist.Storage;
using Punchlist.Workspaces;
using Spectre.Console;

namespace Punchlist.Cli;

/// <summary>What a command runs with: where to write, what today is, how wide and in what colour to render.</summary>
internal sealed class CommandContext
{
    /// <summary>Standard output as it is: for JSON and SARIF, which carry no raw control character.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard output through the <see cref="TerminalWriter"/> guard: for text (diffs, tables; the <see cref="Screen"/> writes here).</summary>
    public required TextWriter Text { get; init; }

    /// <summary>Standard error, through the <see cref="TerminalWriter"/> guard.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>
    /// The terminal renderer, made on first use: a run that prints JSON never loads Spectre.Console
    /// (about a hundred methods to compile in a fresh process).
    /// </summary>
    public Screen Screen => LazyScreen.Value;

    private Lazy<Screen> LazyScreen { get; init; } = null!;

    // Set by Load: whether the folder at the workspace's root was among the paths, so a bare probe key that
    // names no item is wrong rather than in a file this command did not read.
    private bool _readWholeWorkspace;

    public required DateOnly Today { get; init; }

    public required bool Json { get; init; }

    public required bool Explain { get; init; }

    public required bool Verbose { get; init; }

    public required bool Color { get; init; }

    /// <summary>The columns text is laid out for.</summary>
    public required int Width { get; init; }

    public bool NoIndex { get; init; }

    public required CliEnvironment Environment { get; init; }

    public static CommandContext From(ParseResult parse, GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        bool plain = parse.GetValue(options.Plain);
        bool color = (parse.GetValue(options.Color), parse.GetValue(options.NoColor)) switch
        {
            _ when plain => false,
            (_, true) or ("never", _) => false,
            ("always", _) => true,
            _ => environment.ColorAllowed,
        };
        int width = parse.GetValue(options.Width) ?? environment.Width ?? CliEnvironment.DefaultWidth;
        var guarded = new TerminalWriter(output, color, tabs: plain);
        if (environment.Pager is { } pager)
        {
            pager.Wanted = !parse.GetValue(options.NoPager) && !plain;
        }

        return new CommandContext
        {
            Out = output,
            Text = guarded,
            Error = error,
            LazyScreen = new Lazy<Screen>(() => new Screen(CreateConsole(guarded, color), width, plain ? guarded : null), LazyThreadSafetyMode.None),
            Today = parse.GetValue(options.Today) ?? environment.Today,
            Json = parse.GetValue(options.Json),
            Explain = parse.GetValue(options.Explain),
            Verbose = parse.GetValue(options.Verbose),
            Color = color,
            Width = width,
            NoIndex = parse.GetValue(options.NoIndex) || !environment.IndexOnDisk,
            Environment = environment,
        };
    }

    /// <summary>This command's output is never paged (it writes, or its output is a script).</summary>
    public void NoPager()
    {
        if (Environment.Pager is { } pager)
        {
            pager.Wanted = false;
        }
    }

    // Spectre renders markup into colour codes and never wraps: every line is laid out to fit already.
    private static IAnsiConsole CreateConsole(TextWriter output, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = int.MaxValue / 2;
        return console;
    }

    public Workspace Load(string[]? paths, CliEnvironment environment)
    {
        var targets = PathArguments.OneWorkspace(PathArguments.Check(paths, environment), environment);
        var workspace = WorkspaceLoader.Load(targets);
        Warn(workspace.Warnings);
        _readWholeWorkspace = targets.Any(t => Path.TrimEndingDirectorySeparator(t) == Path.TrimEndingDirectorySeparator(workspace.Root));

        if (Verbose)
        {
            Error.WriteLine($"punch: workspace {workspace.Root} ({(File.Exists(Path.Combine(workspace.Root, PunchlistConfig.FileName)) ? "configured by punchlist.yml" : "no punchlist.yml")})");
            Error.WriteLine($"punch: {workspace.FilesFound} Markdown files found, {workspace.FilesParsed} parsed, {workspace.Documents.Count} trackers");
        }

        return workspace;
    }

    /// <summary>
    /// Warns of each probe address in punchlist.yml that names no item of the loaded workspace, at its
    /// line: for the commands that run probes (check, verify), once each.
    /// </summary>
    public void WarnOfProbeAddresses(Workspace workspace) =>
        Warn(workspace.Config.Probes.Unmatched(workspace.Root, workspace.Documents, _readWholeWorkspace));

    /// <summary>
    /// Where the index of the workspace at <paramref name="root"/> lives for a command that opens it
    /// itself: in memory with `--no-index`, or outside a workspace (no `.git` or punchlist.yml), where a
    /// read command creates nothing (as <see cref="IndexedScan"/> does for scans).
    /// </summary>
    public Storage.IndexOptions IndexOptionsFor(string root) =>
        new() { InMemory = NoIndex || !PathArguments.InWorkspace([root]), Warn = Warn };

    /// <summary>Warnings go to standard error, one line each, whatever the output format.</summary>
    public void Warn(IEnumerable<string> warnings)
    {
        foreach (string warning in warnings)
        {
            Warn(warning);
        }
    }

    public void Warn(string warning) => Error.WriteLine($"punch: warning: {TerminalText.Clean(warning)}");

    /// <summary>
    /// Scans through the workspace's index (see <see cref="IndexedScan"/>); <paramref name="factsOnly"/> when only
    /// status facts are needed, <paramref name="keepDocuments"/> when the documents parsed will be checked.
    /// </summary>
    public IndexedWorkspace Scan(string[]? paths, CliEnvironment environment, bool factsOnly = false, bool keepDocuments = false) =>
        IndexedScan.Run(this, PathArguments.OneWorkspace(PathArguments.Check(paths, environment), environment), factsOnly, keepDocuments);

    /// <summary>
    /// Scans each workspace the paths lie in with its own index and punchlist.yml (see
    /// <see cref="PathArguments.ByWorkspace"/>), each with the prefix that makes its paths distinct: none
    /// for a single workspace, else its root relative to the current folder (`repoA/TODO.md`).
    /// </summary>
    public List<(IndexedWorkspace Workspace, string Prefix)> ScanEach(string[]? paths, CliEnvironment environment, bool factsOnly = false, bool keepDocuments = false)
    {
        var groups = PathArguments.ByWorkspace(PathArguments.Check(paths, environment));
        var scans = new List<(IndexedWorkspace, string)>(groups.Count);
        try
        {
            foreach (var group in groups)
            {
                var workspace = IndexedScan.Run(this, group, factsOnly, keepDocuments);
                string prefix = groups.Count == 1 ? string.Empty : Path.GetRelativePath(environment.WorkingDirectory, workspace.Root).Replace('\\', '/') switch
                {
                    "." => string.Empty,
                    var relative => relative + "/",
                };
                scans.Add((workspace, prefix));
            }
        }
        catch
        {
            scans.ForEach(s => s.Item1.Dispose());
            throw;
        }

        return scans;
    }
}
