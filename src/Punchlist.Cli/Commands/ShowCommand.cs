using System.CommandLine;
using Punchlist.Cli.Json;
using Punchlist.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Model;
using Punchlist.Search;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Commands;

/// <summary>`punch show ADDRESS`: one item with its metadata, criteria, references and source.</summary>
internal static class ShowCommand
{
    public const string Schema = ItemDetailJson.Version;

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var address = new Argument<string>("address") { Description = "DOCUMENT#KEY (e.g. todo.md#P0-001), or a KEY that only one document has" };
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
                ShowRenderer.Render(context.Console, document, item, detail);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
