using System.CommandLine;
using Punchlist.Cli.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Model;
using Punchlist.Search;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Commands;

/// <summary>`punch show ADDRESS`: one item with its metadata, criteria, references and source.</summary>
internal static class ShowCommand
{
    public const string Schema = "punchlist.item/1";

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
            var detail = Detail(document, item, context.Today);
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
                var findings = own.Check(context.Today, evidence: evidence).Where(f => f.Item == item.Key && f.Code != "PL008")
                    .OrderByDescending(f => f.Severity).ThenBy(f => f.Start.Line).ToList();
                ShowRenderer.Render(context.Screen, document, item, detail, findings, evidence.For(document, item), context.Today);
                if (context.Explain)
                {
                    NotesRenderer.Render(context.Screen, [document]);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static ItemDetailJson Detail(TrackerDocument document, Item item, DateOnly today)
    {
        var fields = item.Fields.Select(f => new FieldJson(f.Key, JsonMapping.Lower(f.Kind.ToString()), f.Value, f.Position.Line, f.Position.Column)).ToList();
        var criteria = item.Criteria.Select((c, i) => new CriterionJson(i + 1, c.Symbol ?? c.Marker.ToString(), c.State.Name(), c.IsChecked, c.Text, c.Position.Line, c.Depth)).ToList();
        var start = document.PositionOf(item.Span.Start);
        var end = document.PositionOf(Math.Max(item.Span.Start, item.Span.End - 1));
        var record = DocumentRecord.Of(document).Items[IndexOf(document, item)];
        return new ItemDetailJson(Schema, JsonMapping.Item(document.Path, record, today), fields, criteria,
            new SourceJson(start.Line, end.Line, document.Source.Slice(item.Span)), MatrixJson.Of(item));
    }

    private static int IndexOf(TrackerDocument document, Item item)
    {
        for (int i = 0; i < document.Items.Count; i++)
        {
            if (ReferenceEquals(document.Items[i], item))
            {
                return i;
            }
        }

        throw new ArgumentException("the item is not in the document", nameof(item));
    }
}
