using Punchlist.Analysis;
using Punchlist.Model;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// `--explain`, on every command: what the reader kept as text but thinks a person should look at,
/// as `path:line:column: message` lines (never wrapped, so editors can follow them).
/// </summary>
internal static class NotesRenderer
{
    public static void Render(Screen screen, IEnumerable<DocumentFacts> documents) =>
        Render(screen, documents.SelectMany(d => d.Notes.Select(n => (d.Path, n.Position.Line, n.Position.Column, n.Message))));

    public static void Render(Screen screen, IEnumerable<TrackerDocument> documents) =>
        Render(screen, documents.SelectMany(d => d.Notes.Select(n => (d.Path, n.Position.Line, n.Position.Column, n.Message))));

    /// <summary>With `--json`, the notes go to standard error, one line each, so the document stays as it is.</summary>
    public static void Warn(CommandContext context, IEnumerable<DocumentFacts> documents)
    {
        foreach (var document in documents)
        {
            foreach (var note in document.Notes)
            {
                context.Error.WriteLine($"punch: note: {TerminalText.Clean(document.Path)}:{note.Position.Line}:{note.Position.Column}: {TerminalText.Clean(note.Message)}");
            }
        }
    }

    private static void Render(Screen screen, IEnumerable<(string Path, int Line, int Column, string Message)> notes)
    {
        int total = 0;
        foreach (var (path, line, column, message) in notes)
        {
            if (total == 0)
            {
                screen.Line();
                screen.Line("[bold]Lines the reader kept as text[/] [grey](--explain)[/]");
            }

            screen.Line($"[grey]{TerminalText.Markup(path)}:{line}:{column}:[/] {TerminalText.Markup(message)}");
            total++;
        }

        screen.Line(total == 0 ? "[grey]The reader found nothing suspicious.[/]" : $"[grey]{StatusRenderer.Plural(total, "note")}.[/]");
    }
}
