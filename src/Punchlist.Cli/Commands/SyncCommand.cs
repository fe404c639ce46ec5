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
        var command = new Command("sync", "Rewrite only what is wrong: claims, progress cookies, and on request statuses, encoding, dates")
        {
            paths, write, check, statuses, encoding, touch,
        };
        command.SetAction(parse =>
        {
            bool writing = parse.GetValue(write), checking = parse.GetValue(check);
            if (writing && checking)
            {
                throw new PunchlistException("--write and --check exclude each other: --check only reports");
            }

            var context = CommandContext.From(parse, options, output, error, environment);
            var workspace = context.Load(parse.GetValue(paths), environment);
            var syncOptions = new SyncOptions { Statuses = parse.GetValue(statuses), Encoding = parse.GetValue(encoding), Touch = parse.GetValue(touch) };
            var engine = SyncRunner.Engine(workspace, syncOptions, context);
            var scope = SyncRunner.Scope(workspace, context);
            var results = workspace.Documents.Select(d => engine.Run(d, scope)).ToList();
            SyncRunner.Report(context, workspace, results, writing);
            return checking && results.Exists(r => r.Changed) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
