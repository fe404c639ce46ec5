using System.CommandLine;
using Punchlist.Editing;
using Punchlist.Editing.Sync;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Commands;

/// <summary>`punch done` and `punch reopen`: tick or untick an item or one of its criteria, write it, print the diff.</summary>
internal static class TickCommand
{
    public static Command Create(string name, bool done, GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var address = new Argument<string>("address") { Description = "DOCUMENT#KEY (e.g. todo.md#MH-002), or a KEY that only one document has" };
        var paths = GlobalOptions.Paths();
        var criterion = new Option<string?>("--criterion") { Description = "One criterion instead of the item: its number as `punch show` lists it, or text that matches exactly one" };
        var sync = new Option<bool>("--sync") { Description = "Also refresh claims and progress cookies in the same write" };
        var command = new Command(name, done ? "Tick an item or one of its criteria" : "Untick an item or one of its criteria") { address, paths, criterion, sync };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            var workspace = context.Load(parse.GetValue(paths), environment);
            var (document, item) = Addresses.Resolve(workspace, parse.GetValue(address)!);
            var tick = Ticking.Edit(document, item, parse.GetValue(criterion), done);
            if (tick is null)
            {
                context.Error.WriteLine($"punch: {Workspace.Address(document, item)}{(parse.GetValue(criterion) is { } c ? $" criterion '{c}'" : string.Empty)} is already {(done ? "done" : "open")}; nothing changed");
                return ExitCodes.Ok;
            }

            var syncOptions = parse.GetValue(sync) ? SyncOptions.Default : new SyncOptions { Claims = false, Cookies = false };
            var result = SyncRunner.Engine(workspace, syncOptions, context).Run(document, SyncRunner.Scope(workspace, context), [tick]);
            SyncRunner.Report(context, workspace, [result], write: true);
            return ExitCodes.Ok;
        });
        return command;
    }
}
