using System.CommandLine;
using Punchlist.Cli.Json;
using Punchlist.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Model;
using Punchlist.Search;
using Punchlist.Storage;
using Punchlist.Storage.History;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Commands;

/// <summary>`punch show ADDRESS`: one item with its metadata, criteria, references and source.</summary>
internal static class ShowCommand
{
    public const string Schema = ItemDetailJson.Version;

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var address = new Argument<string>("address")
        {
            Description = "DOCUMENT#KEY (todo.md#P0-001), DOCUMENT#L12 (the item on line 12), or a KEY that only one document has",
            HelpName = "ADDRESS",
        };
        var paths = GlobalOptions.Paths();
        var command = new Command("show", "Show one item in full") { address, paths };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            using var index = context.Scan(parse.GetValue(paths), environment);
            string wanted = parse.GetValue(address)!;
            var (document, item) = Addresses.Resolve(index.DocumentsFor(wanted), wanted);
            var detail = ItemMapping.Detail(document, item, context.Today);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, detail);
            }
            else
            {
                // The item's findings from its own document; references to other documents' items
                // (PL008) are left to `punch check`, which reads them all.
                var own = new Workspace { Root = index.Root, Config = index.Config, Documents = [document], FilesFound = 1, FilesParsed = 1, Warnings = [] };
                var evidence = own.Evidence();
                // The SLA clock is `punch check`'s (the git history), so that show and check agree on PL004.
                using var clock = HistoryClock.Open(index.Root, index.Config, context.IndexOptionsFor(index.Root));
                var findings = own.Check(context.Today, clock, evidence).Where(f => f.Item == item.Key && f.Code != "PL008")
                    .OrderByDescending(f => f.Severity).ThenBy(f => f.Start.Line).ToList();
                var dependencies = item.DependsOn.Select(id => Dependency(index, document, id)).ToList();
                ShowRenderer.Render(context.Screen, document, item, detail, findings, evidence.For(document, item), dependencies, context.Today);
                if (context.Explain)
                {
                    NotesRenderer.Render(context.Screen, [document]);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    // What a dependency names, and where: an item of the same document first (IDs are often per
    // tracker), else the one item of the workspace with that ID or key; none when nothing or more than
    // one has it (`punch check` says which: PL008).
    private static ShownDependency Dependency(IndexedWorkspace index, TrackerDocument document, string id)
    {
        var own = document.Items.Where(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(i.Key, id, StringComparison.OrdinalIgnoreCase)).ToList();
        if (own.Count == 1)
        {
            return new ShownDependency(id, own[0], null);
        }

        try
        {
            var (where, found) = Addresses.Resolve(index.DocumentsFor(id), id);
            return new ShownDependency(id, found, where.Path == document.Path ? null : where.Path);
        }
        catch (PunchlistException)
        {
            return new ShownDependency(id, null, null);
        }
    }
}
