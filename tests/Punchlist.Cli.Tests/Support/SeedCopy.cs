using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Support;

/// <summary>A copy of ../shared/corpus/seeds in a temporary folder outside any git repository, as the issue checks them.</summary>
internal sealed class SeedCopy : IDisposable
{
    public SeedCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "punchlist-seeds-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (string file in Directory.GetFiles(Repo.Seeds, "*.md"))
        {
            string copy = Path.Combine(Root, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetAttributes(copy, FileAttributes.Normal); // ../shared is read-only; the copy need not be
        }

        for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
        {
            Assert.False(Directory.Exists(Path.Combine(dir.FullName, ".git")), $"{Root} is inside a git repository ({dir.FullName}): set TMPDIR outside it");
        }
    }

    public string Root { get; }

    public string PathOf(string name) => System.IO.Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
