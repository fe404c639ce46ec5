using System.CommandLine;
using Punchlist.Editing.Sync;

namespace Punchlist.Cli.Commands;

/// <summary>
/// `punch sync`: prints the unified diff that makes the trackers true — claims and progress cookies,
/// and on request statuses, encoding and dates — and with `--write` applies it.
/// </summary>
internal static class SyncCommand
{
    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var paths = GlobalOptions.Paths();
        var write = new Option<bool>("--write") { Description = "Apply the changes (default: only print the diff)" };
        var check = new Option<bool>("--check") { Description = "Exit 1 when something would change (for CI); changes nothing" };
        var statuses = new Option<bool>("--statuses") { Description = "Also correct declared statuses that contradict the boxes, in the document's words" };
        var encoding = new Option<bool>("--encoding") { Description = "Also repair mojibake (UTF-8 read as Windows-1252 or MacRoman)" };
        var touch = new Option<bool>("--touch") { Description = "Also set the document's Last Updated date to today when something else changes" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing (with --check: the exit code says whether a tracker is out of date)" };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "With --check, pass when the paths hold no tracker (by default that is an error)" };
        var command = new Command("sync", "Rewrite only what is wrong: claims, progress cookies, and on request statuses, encoding, dates")
        {
            paths, write, check, statuses, encoding, touch, quiet, allowEmpty,
        };
        command.SetAction(parse =>
        {
            bool writing = parse.GetValue(write), checking = parse.GetValue(check);
            if (writing && checking)
            {
                throw new PunchlistException("--write and --check exclude each other: --check only reports");
            }

            var context = CommandContext.From(parse, options, output, error, environment);
            if (writing)
            {
                context.NoPager();
            }

            var workspace = context.Load(parse.GetValue(paths), environment);
            if (checking && workspace.Documents.Count == 0 && !parse.GetValue(allowEmpty))
            {
                throw new PunchlistException($"no tracker here to check (no Markdown or Org file holds a task or an item card{Trackers.FilteredHint(workspace.Config)}); --allow-empty passes anyway");
            }

            var syncOptions = new SyncOptions { Statuses = parse.GetValue(statuses), Encoding = parse.GetValue(encoding), Touch = parse.GetValue(touch) };
            var engine = SyncRunner.Engine(workspace, syncOptions, context);
            var scope = SyncRunner.Scope(workspace, context);
            var results = workspace.Documents.Select(d => engine.Run(d, scope)).ToList();
            var mode = writing ? SyncRunner.Mode.Write : checking ? SyncRunner.Mode.Check : SyncRunner.Mode.Preview;
            SyncRunner.Report(context, workspace, results, mode, parse.GetValue(quiet));
            if (context.Explain && !context.Json)
            {
                Rendering.NotesRenderer.Render(context.Screen, workspace.Documents);
            }

            return checking && results.Exists(r => r.Changed) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
