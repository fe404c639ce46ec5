using Punchlist.Model;
using Punchlist.Reading;

namespace Punchlist.Workspaces;

/// <summary>Discovers and reads a workspace's trackers, in parallel, in a deterministic order.</summary>
public static class WorkspaceLoader
{
    /// <summary>Reads every tracker and keeps all of them: what commands that look at items need.</summary>
    public static Workspace Load(IReadOnlyList<string> paths)
    {
        var scan = Scan(paths, static document => document);
        return new Workspace
        {
            Root = scan.Root,
            Config = scan.Config,
            Documents = scan.Results,
            FilesFound = scan.FilesFound,
            FilesParsed = scan.FilesParsed,
            Warnings = scan.Warnings,
        };
    }

    /// <summary>
    /// Reads every tracker and keeps only what <paramref name="keep"/> makes of it, called on the
    /// thread that read the document. Keeping a whole model of every item costs more than reading
    /// it (the garbage collector must copy what stays alive), so a command that only sums up — such
    /// as a status — should keep its sums, not the documents.
    /// </summary>
    public static WorkspaceScan<T> Scan<T>(IReadOnlyList<string> paths, Func<TrackerDocument, T> keep)
    {
        var targets = paths.Count == 0 ? [Directory.GetCurrentDirectory()] : paths;
        foreach (string target in targets)
        {
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                throw new PunchlistException($"{target}: no such file or folder");
            }
        }

        string root = Discovery.FindRoot(targets[0]);
        var config = ConfigLoader.Load(root);
        var files = Discovery.Find(root, targets, config);
        var reader = new DocumentReader(config.ToReaderOptions());
        var results = files.AsParallel().AsOrdered().Select(f => ReadOne(reader, f, keep)).ToList();

        var explicitError = results.FirstOrDefault(r => r.Error is not null && r.File.Explicit);
        if (explicitError.Error is not null)
        {
            throw new PunchlistException(explicitError.Error);
        }

        return new WorkspaceScan<T>
        {
            Root = root,
            Config = config,
            Results = results.Where(r => r.Kept).Select(r => r.Value!).ToList(),
            FilesFound = files.Count,
            FilesParsed = results.Count(r => r.Parsed),
            Warnings = results.Where(r => r.Error is not null).Select(r => r.Error!).ToList(),
        };
    }

    private static Result<T> ReadOne<T>(DocumentReader reader, WorkspaceFile file, Func<TrackerDocument, T> keep)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Result<T>(file, default, false, false, $"{file.RelativePath}: cannot be read: {e.Message}");
        }

        if (!file.Explicit && !TrackerPrefilter.MayHoldItems(bytes))
        {
            return new Result<T>(file, default, false, false, null);
        }

        var document = reader.Read(file.RelativePath, bytes);
        bool kept = file.Explicit || document.IsTracker;
        return new Result<T>(file, kept ? keep(document) : default, kept, true, null);
    }

    private readonly record struct Result<T>(WorkspaceFile File, T? Value, bool Kept, bool Parsed, string? Error);
}
