using System.Buffers;
using System.Collections.Concurrent;
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
        var (root, config, targets) = Locate(paths);
        var reader = new DocumentReader(config.ToReaderOptions());

        // Each file is read and parsed on the core whose walk found it. Only what is kept (and errors)
        // is collected: most files of a documentation tree are rejected before parsing and leave nothing.
        var collected = new ConcurrentBag<Result<T>>();
        int found = 0, parsed = 0;
        Discovery.ForEach(root, targets, config, file =>
        {
            var result = ReadOne(reader, file, keep);
            Interlocked.Increment(ref found);
            if (result.Parsed)
            {
                Interlocked.Increment(ref parsed);
            }

            if (result.Kept || result.Error is not null)
            {
                collected.Add(result);
            }
        });

        var results = collected.ToList();
        results.Sort((a, b) => string.CompareOrdinal(a.File.RelativePath, b.File.RelativePath));

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
            FilesFound = found,
            FilesParsed = parsed,
            Warnings = results.Where(r => r.Error is not null).Select(r => r.Error!).ToList(),
        };
    }

    /// <summary>The paths to scan (the current folder when none), each checked to exist, their root and its configuration.</summary>
    public static (string Root, PunchlistConfig Config, IReadOnlyList<string> Targets) Locate(IReadOnlyList<string> paths)
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
        return (root, ConfigLoader.Load(root), targets);
    }

    private static Result<T> ReadOne<T>(DocumentReader reader, WorkspaceFile file, Func<TrackerDocument, T> keep)
    {
        byte[] bytes;
        try
        {
            var read = Read(file.FullPath, prefilter: !file.Explicit);
            if (read is null)
            {
                return new Result<T>(file, default, false, false, null);
            }

            bytes = read;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Result<T>(file, default, false, false, $"{file.RelativePath}: cannot be read: {e.Message}");
        }

        var document = reader.Read(file.RelativePath, bytes);
        bool kept = file.Explicit || document.IsTracker;
        return new Result<T>(file, kept ? keep(document) : default, kept, true, null);
    }

    /// <summary>
    /// The file's bytes, or null when <paramref name="prefilter"/> is set and the bytes cannot hold an
    /// item (<see cref="TrackerPrefilter"/>). They are read into a pooled buffer first: most files of a
    /// documentation tree are rejected, and those then cost no allocation at all.
    /// </summary>
    private static byte[]? Read(string path, bool prefilter)
    {
        byte[] rented = FileBytes.Rent(path, out int length);
        try
        {
            var bytes = rented.AsSpan(0, length);
            return !prefilter || TrackerPrefilter.MayHoldItems(path, bytes) ? bytes.ToArray() : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private readonly record struct Result<T>(WorkspaceFile File, T? Value, bool Kept, bool Parsed, string? Error);
}
