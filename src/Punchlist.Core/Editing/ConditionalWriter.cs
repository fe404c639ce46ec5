namespace Punchlist.Editing;

/// <summary>One file to write: its new bytes, and the hash of the bytes they were made from.</summary>
/// <param name="Display">How the file is named in an error (its path relative to the workspace).</param>
public sealed record FileWrite(string Path, string ExpectedHash, byte[] Bytes, string Display);

/// <summary>
/// Writes files only if nobody changed them since they were read, all of them or none, atomically,
/// and never outside the workspace. In two phases: first every file is resolved (links followed, but
/// only to files inside the workspace), locked, checked against the hash it was read with and its
/// replacement written beside it (flushed, with the original's owner, group and mode); only when all
/// of that succeeded for every file is each checked once more and replaced by rename. A reader sees
/// the old file or the new one, never half; a failure before the renames leaves every file as it was.
/// </summary>
/// <remarks>
/// <para>Locks: on Linux each file is locked (flock) from its check to its replacement, so two punch
/// processes writing one file take turns and the second finds the first's change and refuses, instead
/// of both passing the check and one losing the other's edit. The lock is advisory: an editor does not
/// take it, so the last check is made as late as possible, just before the rename.</para>
/// <para>Held files: a process that keeps a file open for writing (a logger, `tee -a`) writes to the
/// file it opened; after a rename its writes would land in the old, unlinked file. So when another
/// process holds a file open for writing (<see cref="OpenWriters"/>), the file is written in place —
/// only the bytes that differ, in one call, which an appender writes past — when the new bytes are as
/// long as the old (a tick, a count of the same width); a change of length is refused, since it would
/// move what the other process writes next. Bytes a process appended to the old file in the moment
/// between the last check and the rename are appended to the new file.</para>
/// </remarks>
public sealed class ConditionalWriter
{
    public static readonly ConditionalWriter Default = new(null);

    private readonly Action<string>? _beforeReplace;

    /// <param name="beforeReplace">Called with each target path once every replacement is prepared, before the last check: a test seam to simulate a race.</param>
    internal ConditionalWriter(Action<string>? beforeReplace) => _beforeReplace = beforeReplace;

    /// <summary>Writes one file of the workspace at <paramref name="root"/>.</summary>
    /// <exception cref="PunchlistException">The file changed, vanished, lies outside the workspace, or cannot be written: it is left as it was.</exception>
    public void Write(string root, FileWrite write) => WriteAll(root, [write]);

    /// <summary>Writes every file, or none: each is checked and prepared before any is replaced.</summary>
    /// <exception cref="PunchlistException">
    /// Some file changed, vanished, lies outside the workspace or cannot be written: then no file was
    /// written, and the message names each problem. (Only a failure of the renames themselves, after
    /// every check passed, can leave some written; the message then says which.)
    /// </exception>
    public void WriteAll(string root, IReadOnlyList<FileWrite> writes)
    {
        string realRoot = WriteTarget.RealRoot(root);
        var targets = new List<WriteTarget>();
        var problems = new List<string>();
        try
        {
            // Phase 1: every file checked and its replacement prepared; nothing replaced yet. Files are
            // locked in path order, so two writers of the same files never wait on each other in a circle.
            foreach (var write in writes.OrderBy(w => Path.GetFullPath(w.Path), StringComparer.Ordinal))
            {
                Try(problems, () =>
                {
                    var target = WriteTarget.Find(realRoot, write);
                    if (targets.Find(t => string.Equals(t.Path, target.Path, StringComparison.Ordinal)) is { } same)
                    {
                        throw new PunchlistException($"{write.Display}: is the same file as {same.Display}; neither written");
                    }

                    targets.Add(target);
                    target.Open();
                    target.Prepare();
                });
            }

            if (problems.Count == 0)
            {
                KeepInodesHeld(targets, problems);
            }

            // Phase 2: the last check of every file, then every replacement, back to back.
            if (problems.Count == 0)
            {
                targets.ForEach(t => _beforeReplace?.Invoke(t.Path));
                targets.ForEach(t => Try(problems, t.Check));
            }

            if (problems.Count > 0)
            {
                throw new PunchlistException(Nothing(problems, writes.Count));
            }

            Commit(targets);
        }
        finally
        {
            targets.ForEach(t => t.Dispose());
        }
    }

    // A file another process holds open for writing keeps its inode (written in place), when it can.
    private static void KeepInodesHeld(List<WriteTarget> targets, List<string> problems)
    {
        var held = OpenWriters.Find(targets.Select(t => t.Id).ToHashSet());
        foreach (var target in targets)
        {
            if (!held.TryGetValue(target.Id, out string? holder))
            {
                continue;
            }

            if (target.SameLength)
            {
                target.KeepInode();
            }
            else
            {
                problems.Add($"{target.Display}: is open for writing by {holder}, and this change would move what it writes next; not written (run the command again when it has closed the file)");
            }
        }
    }

    private static void Commit(List<WriteTarget> targets)
    {
        var written = new List<string>();
        foreach (var target in targets)
        {
            try
            {
                target.Commit();
                written.Add(target.Display);
            }
            catch (PunchlistException e)
            {
                var rest = targets.SkipWhile(t => t != target).Skip(1).Select(t => t.Display).ToList();
                throw new PunchlistException(
                    $"{e.Message}{(written.Count > 0 ? $"; written before it: {string.Join(", ", written)}" : string.Empty)}{(rest.Count > 0 ? $"; not written: {string.Join(", ", rest)}" : string.Empty)}", e);
            }

            target.Salvage();
        }
    }

    private static void Try(List<string> problems, Action step)
    {
        try
        {
            step();
        }
        catch (PunchlistException e)
        {
            problems.Add(e.Message);
        }
    }

    private static string Nothing(List<string> problems, int files) => files == 1
        ? problems[0]
        : $"{string.Join("; ", problems)}; none of the {files} files was written";
}
