using Punchlist.Model;
using Punchlist.Reading;

namespace Punchlist.Workspaces;

/// <summary>Discovers and reads a workspace's trackers, in parallel, in a deterministic order.</summary>
public static class WorkspaceLoader
{
    public static Workspace Load(IReadOnlyList<string> paths)
    {
        var (root, config, files) = Discover(paths);
        var reader = new DocumentReader(config.ToReaderOptions());
        var results = files.AsParallel().AsOrdered().Select(f => ReadOne(reader, f)).ToList();

        var explicitError = results.FirstOrDefault(r => r.Error is not null && r.File.Explicit);
        if (explicitError.Error is not null)
        {
            throw new PunchlistException(explicitError.Error);
        }

        return new Workspace
        {
            Root = root,
            Config = config,
            Documents = results.Where(r => r.Document is not null).Select(r => r.Document!).ToList(),
            FilesFound = files.Count,
            FilesParsed = results.Count(r => r.Parsed),
            Warnings = results.Where(r => r.Error is not null).Select(r => r.Error!).ToList(),
        };
    }

    /// <summary>The root, its configuration and the Markdown files under <paramref name="paths"/>, unread.</summary>
    public static (string Root, PunchlistConfig Config, List<WorkspaceFile> Files) Discover(IReadOnlyList<string> paths)
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
        return (root, config, Discovery.Find(root, targets, config));
    }

    private static Result ReadOne(DocumentReader reader, WorkspaceFile file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Result(file, null, false, $"{file.RelativePath}: cannot be read: {e.Message}");
        }

        if (!file.Explicit && !TrackerPrefilter.MayHoldItems(bytes))
        {
            return new Result(file, null, false, null);
        }

        var document = reader.Read(file.RelativePath, bytes);
        return new Result(file, file.Explicit || document.IsTracker ? document : null, true, null);
    }

    private readonly record struct Result(WorkspaceFile File, TrackerDocument? Document, bool Parsed, string? Error);
}
