using System.CommandLine;
using Punchlist.Cli.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Export;
using Punchlist.Json;

namespace Punchlist.Cli.Commands;

/// <summary>
/// `punch export [PATH…] --format json|jsonl|csv [--output FILE]`: every item with its metadata, for
/// other tools — one JSON document, one JSON record per line for retrieval pipelines (with a stable ID
/// and a content hash), or CSV for spreadsheets.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var paths = GlobalOptions.Paths();
        var format = OptionValues.Choice("--format", "json (one document, the default), jsonl (one item per line) or csv (RFC 4180)", ["json", "jsonl", "csv"]);
        var file = new Option<string?>("--output", "-o") { Description = "Write to this file (replaced whole) instead of standard output", HelpName = "FILE" };
        var command = new Command("export", "Export every item with its metadata: JSON, JSON lines for retrieval pipelines, or CSV") { paths, format, file };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            context.NoPager();
            string chosen = (parse.GetValue(format), context.Json) switch
            {
                (null, _) => "json",
                ("json", _) => "json",
                (var other, true) => throw new PunchlistException($"--json and --format {other} ask for two outputs; give one"),
                (var other, false) => other,
            };
            OutputFile.Check(context, parse.GetValue(file));
            var workspace = context.Load(parse.GetValue(paths), environment);
            var items = ItemExport.Of(workspace).Select(e => Item(e, context.Today));
            OutputFile.Write(context, parse.GetValue(file), stream =>
            {
                switch (chosen)
                {
                    case "jsonl":
                        ExportWriter.JsonLines(stream, items);
                        break;
                    case "csv":
                        ExportWriter.Csv(stream, items);
                        break;
                    default:
                        ExportWriter.Json(stream, new ExportJson(ExportJson.Version, JsonMapping.Date(context.Today), workspace.Documents.Count, items.ToList()));
                        stream.WriteByte((byte)'\n');
                        break;
                }
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static ExportItemJson Item(ExportedItem exported, DateOnly today)
    {
        var detail = ItemMapping.Detail(exported.Document, exported.Item, exported.Record, today);
        return new ExportItemJson(exported.Id, exported.ContentHash, detail.Item, exported.StartLine, exported.EndLine, detail.Fields, detail.CriteriaList, exported.Text);
    }
}
