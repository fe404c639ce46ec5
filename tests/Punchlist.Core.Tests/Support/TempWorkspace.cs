namespace Punchlist.Tests.Support;

/// <summary>
/// A workspace in a fresh temporary folder (with its own punchlist.yml, so it is its own root),
/// deleted afterwards, so that tests that write (an index, an edit) never touch `../shared` or
/// `samples/`. Files get a time stamp an hour old, as files in a real checkout have; a test that
/// needs a fresh one asks for it.
/// </summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "punchlist-ws-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Write("punchlist.yml", "# test workspace\n");
    }

    public string Root { get; }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>Writes a file with an old time stamp (unless <paramref name="now"/>).</summary>
    public TempWorkspace Write(string relative, byte[] bytes, bool now = false)
    {
        string full = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        if (!now)
        {
            File.SetLastWriteTimeUtc(full, DateTime.UtcNow.AddHours(-1));
        }

        return this;
    }

    public TempWorkspace Write(string relative, string text, bool now = false) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text), now);

    /// <summary>Copies every file of <paramref name="folder"/> in, writable, with old time stamps.</summary>
    public TempWorkspace CopyFrom(string folder)
    {
        foreach (string file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            Write(System.IO.Path.GetRelativePath(folder, file), File.ReadAllBytes(file));
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a process a test started (or the index) may still hold a file for a moment; the OS cleans temp
        }
    }
}
