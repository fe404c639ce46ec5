namespace Punchlist.Editing.Sync;

/// <summary>`sync --write`, `done` and `reopen`: the changed documents written together, all or none (<see cref="ConditionalWriter.WriteAll"/>).</summary>
public static class SyncWriter
{
    /// <exception cref="PunchlistException">A document changed on disk, vanished, lies outside the workspace or cannot be written: none was written.</exception>
    public static void Write(string root, IEnumerable<SyncResult> results, ConditionalWriter? writer = null) =>
        (writer ?? ConditionalWriter.Default).WriteAll(root, results
            .Where(r => r.Changed)
            .Select(r => new FileWrite(Path.Combine(root, r.Document.Path), r.Document.Source.ContentHash, r.Final.Bytes, r.Document.Path))
            .ToList());
}
