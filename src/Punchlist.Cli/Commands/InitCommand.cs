using System.CommandLine;
using Punchlist.Cli.Rendering;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Commands;

/// <summary>
/// `punch init`: writes a punchlist.yml in which every setting is written out, commented, with its
/// default — a file that changes nothing until a line is uncommented. It never overwrites one.
/// </summary>
internal static class InitCommand
{
    /// <summary>Every setting ConfigLoader knows, at its default, commented; a test reads it back.</summary>
    public const string Template = """
        # punchlist.yml: how Punchlist reads the trackers of this workspace (every setting is optional).
        # Uncomment a line to change it; `punch config` shows what is in effect and where it came from.

        # Only these files are read (globs from this folder); default: every *.md and *.markdown file.
        # include: ["docs/**/*.md", "*.md"]

        # Never these, on top of .gitignore (.git, node_modules, bin and obj are always skipped).
        # exclude: ["archive/**", "CHANGELOG.md", ".github/**"]

        # Hours in a day, for efforts written in days.
        # hoursPerDay: 8

        # States of custom box markers ([/] in progress, [-] cancelled and [~] n/a are built in).
        # markers: {"!": blocked, ">": in-progress, "?": open}

        # Status phrases of your own, mapped to open, in-progress, done, blocked or cancelled.
        # statuses: {"waiting on legal": blocked, "ready for qa": in-progress}

        # punch check: turn rules off or give them another severity (error, warning, note, off).
        # rules: {PL011: off, PL003: error}

        # SLAs for documents that state none of their own.
        # sla: {P0: 24 hours, P1: 2 weeks}

        # Review cadence for documents that state none (PL005).
        # review: 90 days

        # Sprint length, for "this sprint" due dates.
        # sprint: 2 weeks

        # punch verify: probes turned off, or named for items.
        # probes:
        #   off: [docker.pinned-base-image]
        #   items: {"ROADMAP.md#MH-004": [docker.non-root]}

        """;

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var path = new Argument<string?>("folder") { Description = "Where to write punchlist.yml (default: the current folder)", HelpName = "FOLDER", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("init", "Write a commented punchlist.yml (never over an existing one)") { path };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            context.NoPager();
            string folder = Path.GetFullPath(parse.GetValue(path) ?? ".", environment.WorkingDirectory);
            if (!Directory.Exists(folder))
            {
                throw new PunchlistException($"{TerminalText.Quote(parse.GetValue(path) ?? folder)}: no such folder");
            }

            string file = Path.Combine(folder, PunchlistConfig.FileName);
            if (File.Exists(file))
            {
                throw new PunchlistException($"{TerminalText.Quote(file)} already exists: nothing written (punch config shows what it sets)");
            }

            string root = Discovery.FindRoot(folder);
            try
            {
                using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
                writer.Write(Template.ReplaceLineEndings("\n"));
            }
            catch (IOException) when (File.Exists(file))
            {
                throw new PunchlistException($"{TerminalText.Quote(file)} already exists: nothing written");
            }
            catch (UnauthorizedAccessException)
            {
                throw new PunchlistException($"{TerminalText.Quote(folder)}: cannot write here (permission denied)");
            }

            context.Screen.Line($"Wrote {TerminalText.Markup(file)}: every setting commented out, at its default.");
            if (!string.Equals(root, folder, StringComparison.Ordinal) && File.Exists(Path.Combine(root, PunchlistConfig.FileName)))
            {
                context.Warn($"{root} has a punchlist.yml too: this folder is now a workspace of its own");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
