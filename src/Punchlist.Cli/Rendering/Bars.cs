using Spectre.Console;

namespace Punchlist.Cli.Rendering;

/// <summary>Small pieces of terminal output shared by the renderers.</summary>
internal static class Bars
{
    private const int Width = 10;

    /// <summary>`█████░░░░░  50%`, green when complete, coloured by how far along it is.</summary>
    public static string Progress(int done, int total)
    {
        if (total == 0)
        {
            return "[grey]–[/]";
        }

        int filled = (int)Math.Round((double)Width * done / total);
        int percent = (int)Math.Floor(100.0 * done / total);
        string color = percent == 100 ? "green" : percent >= 50 ? "yellow" : percent > 0 ? "orange1" : "red";
        return $"[{color}]{new string('█', filled)}[/][grey]{new string('░', Width - filled)}[/] {percent,3}%";
    }

    public static string Count(int n, string color) => n == 0 ? "[grey]0[/]" : $"[{color}]{n}[/]";

    public static string State(Model.ItemState state) => state switch
    {
        Model.ItemState.Done => "[green]done[/]",
        Model.ItemState.InProgress => "[yellow]in-progress[/]",
        Model.ItemState.Blocked => "[red]blocked[/]",
        Model.ItemState.Cancelled => "[grey]cancelled[/]",
        _ => "open",
    };

    public static string Box(Model.Checkbox box) => box.Mark switch
    {
        Model.BoxMark.Checked => "[green][[x]][/]",
        Model.BoxMark.Unchecked => "[[ ]]",
        _ => $"[yellow][[{Markup.Escape(box.Marker.ToString())}]][/]",
    };
}
