using Punchlist.Workspaces;

namespace Punchlist.Cli.Rendering;

/// <summary>`check --explain`: the claims left unjudged because their label named nothing with confidence, and why.</summary>
internal static class ClaimsExplainRenderer
{
    public static void Render(Screen screen, Workspace workspace)
    {
        var unjudged = workspace.UnjudgedClaims().ToList();
        if (unjudged.Count == 0)
        {
            screen.Line("[grey]Every claim's label matched a group of its document.[/]");
            return;
        }

        screen.Line($"[bold]Claims not judged[/] [grey]({unjudged.Count}: Punchlist does not guess what their labels count)[/]");
        foreach (var (document, (claim, reason)) in unjudged)
        {
            string where = claim.Column is { Length: > 0 } column ? $"'{claim.Label}' ({column})" : $"'{claim.Label}'";
            screen.Line($"[grey]{TerminalText.Markup(document)}:{claim.Position.Line}:{claim.Position.Column}:[/] {TerminalText.Markup(where)}: {TerminalText.Markup(reason)}");
        }

        screen.Line();
    }
}
