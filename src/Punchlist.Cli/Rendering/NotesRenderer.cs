using Punchlist.Analysis;
using Spectre.Console;

namespace Punchlist.Cli.Rendering;

/// <summary>`--explain`: what the reader kept as text but thinks a person should look at.</summary>
internal static class NotesRenderer
{
    public static void Render(IAnsiConsole console, IReadOnlyList<DocumentFacts> documents)
    {
        int total = 0;
        foreach (var document in documents)
        {
            foreach (var note in document.Notes)
            {
                console.MarkupLine($"[grey]{Markup.Escape(document.Path)}:{note.Position.Line}:{note.Position.Column}:[/] {Markup.Escape(note.Message)}");
                total++;
            }
        }

        console.MarkupLine(total == 0 ? "[grey]The reader found nothing suspicious.[/]" : $"[grey]{total} notes.[/]");
    }
}
