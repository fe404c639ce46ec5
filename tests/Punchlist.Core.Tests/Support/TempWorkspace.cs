namespace Punchlist.Tests.Support;

/// <summary>A workspace in a fresh temporary folder (with its own punchlist.yml, so it is its own root), deleted afterwards.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "punchlist-ws-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Write("punchlist.yml", "# test workspace\n");
    }

    public string Root { get; }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public TempWorkspace Write(string relative, string text)
    {
        string full = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    /// <summary>Copies every file of <paramref name="folder"/> in, writable.</summary>
    public TempWorkspace CopyFrom(string folder)
    {
        foreach (string file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            string target = Path(System.IO.Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            File.SetAttributes(target, FileAttributes.Normal);
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
            // a process a test started may still hold a file for a moment; the OS cleans temp
        }
    }
}
