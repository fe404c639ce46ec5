using Punchlist.Analysis.Policies;
using Punchlist.Cli.Json;
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

    /// <summary>Prints what changed (diffs, or JSON), warns about skipped changes, and writes when asked.</summary>
    public static void Report(CommandContext context, Workspace workspace, IReadOnlyList<SyncResult> results, bool write)
    {
        if (write)
        {
            SyncWriter.Write(workspace.Root, results);
        }

        if (context.Json)
        {
            SyncJson.From(results, write).Write(context.Out);
            return;
        }

        bool color = context.Console.Profile.Capabilities.Ansi;
        foreach (var result in results.Where(r => r.Changed))
        {
            DiffRenderer.Write(context.Out, result.Diff(), color);
        }

        foreach (var result in results)
        {
            foreach (var skipped in result.Skipped)
            {
                context.Error.WriteLine($"punch: warning: {result.Document.Path}:{skipped.Position}: {skipped.Kind.ToString().ToLowerInvariant()} change '{skipped.Old}' → '{skipped.New}' skipped: it overlaps another change (sync again)");
            }
        }
    }
}
