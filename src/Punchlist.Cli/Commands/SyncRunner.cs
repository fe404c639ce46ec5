using Punchlist.Analysis.Policies;
using Punchlist.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Editing;
using Punchlist.Editing.Sync;
using Punchlist.Reading;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Commands;

/// <summary>What `sync`, `done` and `reopen` share: building the engine, printing diffs, writing files.</summary>
internal static class SyncRunner
{
    public static SyncEngine Engine(Workspace workspace, SyncOptions options, CommandContext context) => new(
        new DocumentReader(workspace.Config.ToReaderOptions()),
        SyncFixers.Create(options),
        options.Touch ? new TouchFixer(context.Today, DateTimeOffset.Now) : null);

    public static SyncScope Scope(Workspace workspace, CommandContext context) =>
        new(workspace.Documents, workspace.Root, context.Today, workspace.Config.Check, NoHistory.Instance);

    /// <summary>What a run ends with: the diff's size and what was done with it.</summary>
    public enum Mode
    {
        Preview,
        Write,
        Check,
    }

    /// <summary>
    /// Writes when asked, then prints what changed — diffs and a closing line, or JSON (always a
    /// document, even when nothing changed) — and warns about skipped changes.
    /// </summary>
    public static void Report(CommandContext context, Workspace workspace, IReadOnlyList<SyncResult> results, Mode mode, bool quiet = false)
    {
        if (mode == Mode.Write)
        {
            SyncWriter.Write(workspace.Root, results);
        }

        foreach (var result in results)
        {
            foreach (var skipped in result.Skipped)
            {
                context.Warn($"{result.Document.Path}:{skipped.Position}: {skipped.Kind.ToString().ToLowerInvariant()} change '{skipped.Old}' → '{skipped.New}' skipped: it overlaps another change (sync again)");
            }
        }

        if (quiet)
        {
            return;
        }

        if (context.Json)
        {
            SyncJson.From(results, mode == Mode.Write).Write(context.Out);
            return;
        }

        var changed = results.Where(r => r.Changed).ToList();
        foreach (var result in changed)
        {
            DiffRenderer.Write(context.Text, result.Diff(), context.Color);
        }

        int changes = changed.Sum(r => r.Changes.Count);
        string files = StatusRenderer.Plural(changed.Count, "file");
        string summary = (changed.Count, mode) switch
        {
            (0, _) => $"Nothing to change in {StatusRenderer.Plural(results.Count, "tracker")}.",
            (_, Mode.Write) => $"Wrote {files}: {StatusRenderer.Plural(changes, "change")}.",
            (_, Mode.Check) => $"{StatusRenderer.Plural(changes, "change")} in {files} would make the trackers true: punch sync --write applies them.",
            _ => $"{StatusRenderer.Plural(changes, "change")} in {files}; punch sync --write applies them.",
        };
        context.Screen.Line(changed.Count == 0 ? $"[green]{summary}[/]" : $"[bold]{TerminalText.Markup(summary)}[/]");
    }
}
