using System.CommandLine;
using Punchlist.Cli.Json;
using Punchlist.Editing;
using Punchlist.Editing.Sync;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Commands;

/// <summary>`punch done` and `punch reopen`: tick or untick an item or one of its criteria, write it, print the diff.</summary>
internal static class TickCommand
{
    public static Command Create(string name, bool done, GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var address = new Argument<string>("address")
        {
            Description = "DOCUMENT#KEY (todo.md#MH-002), DOCUMENT#L12 (the item on line 12), or a KEY that only one document has",
            HelpName = "ADDRESS",
        };
        var paths = GlobalOptions.Paths();
        var criterion = new Option<string?>("--criterion") { Description = "One criterion instead of the item: its number as `punch show` lists it, or text that matches exactly one", HelpName = "N|TEXT" };
        var sync = new Option<bool>("--sync") { Description = "Also refresh claims and progress cookies in the same write" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing (errors still go to stderr)" };
        var command = new Command(name, done ? "Tick an item or one of its criteria" : "Untick an item or one of its criteria") { address, paths, criterion, sync, quiet };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            context.NoPager();
            var workspace = context.Load(parse.GetValue(paths), environment);
            var (document, item) = Addresses.Resolve(workspace, parse.GetValue(address)!);
            var tick = Ticking.Edit(document, item, parse.GetValue(criterion), done);
            if (tick is null)
            {
                context.Error.WriteLine($"punch: {Rendering.TerminalText.Clean(Workspace.Address(document, item))}{(parse.GetValue(criterion) is { } c ? $" criterion '{Rendering.TerminalText.Quote(c)}'" : string.Empty)} is already {(done ? "done" : "open")}; nothing changed");
                if (context.Json && !parse.GetValue(quiet))
                {
                    SyncJson.From([], written: false).Write(context.Out);
                }

                return ExitCodes.Ok;
            }

            if (done && parse.GetValue(criterion) is null && item.Criteria.Count(c => !c.IsChecked && c.State != Model.ItemState.Cancelled) is > 0 and int open)
            {
                context.Warn($"{Workspace.Address(document, item)} has {open} of {item.CriteriaTotal} criteria still open; punch check will report it as contradicted (PL002)");
            }

            var syncOptions = parse.GetValue(sync) ? SyncOptions.Default : new SyncOptions { Claims = false, Cookies = false };
            var result = SyncRunner.Engine(workspace, syncOptions, context).Run(document, SyncRunner.Scope(workspace, context), [tick]);
            SyncRunner.Report(context, workspace, [result], SyncRunner.Mode.Write, parse.GetValue(quiet));
            return ExitCodes.Ok;
        });
        return command;
    }
}
