using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Support;

/// <summary>A copy of the seeds in a fresh temporary folder outside any repository, removed afterwards.</summary>
internal sealed class TempSeeds : IDisposable
{
    public TempSeeds()
    {
        Folder = Directory.CreateTempSubdirectory("punch-seeds-").FullName;
        foreach (string file in Directory.GetFiles(Repo.Seeds))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }
    }

    public string Folder { get; }

    public string this[string name] => Path.Combine(Folder, name);

    /// <summary>Runs `punch` in the folder (name files by their full path: the process does not change directory).</summary>
    public (int Exit, string Out, string Err) Punch(params string[] args) => Support.Punch.RunIn(Folder, args);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
