namespace Punchlist.Tests.Support;

/// <summary>
/// A throw-away copy of some inputs in a temporary folder, so that tests that write (an index, an
/// edit) never touch `../shared` or `samples/`. Files get a time stamp an hour old, as files in a
/// real checkout have; a test that needs a fresh one writes it.
/// </summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "punchlist-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public static TempWorkspace CopyOf(string folder)
    {
        var workspace = new TempWorkspace();
        foreach (string file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            workspace.Write(Path.GetRelativePath(folder, file), File.ReadAllBytes(file));
        }

        return workspace;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes a file with an old time stamp (unless <paramref name="now"/>).</summary>
    public string Write(string relative, byte[] bytes, bool now = false)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        if (!now)
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        }

        return path;
    }

    public string Write(string relative, string text, bool now = false) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text), now);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a process still holding the index open on a slow machine: the OS cleans temp folders
        }
    }
}
