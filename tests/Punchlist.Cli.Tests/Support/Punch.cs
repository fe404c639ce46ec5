namespace Punchlist.Cli.Tests.Support;

/// <summary>
/// Runs `punch` in-process with a fixed today, no colour and a fixed width, capturing both streams.
/// The index stays in memory unless a test asks for it on disk (<see cref="RunIndexed"/>, on a temporary
/// copy): tests never write beside their inputs.
/// </summary>
internal static class Punch
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    public static (int Exit, string Out, string Err) Run(params string[] args) => RunIn(Directory.GetCurrentDirectory(), args);

    public static (int Exit, string Out, string Err) RunIn(string workingDirectory, params string[] args) => Invoke(workingDirectory, onDisk: false, args);

    /// <summary>Runs with the index on disk under the workspace: only ever on a temporary copy.</summary>
    public static (int Exit, string Out, string Err) RunIndexed(params string[] args) => Invoke(Directory.GetCurrentDirectory(), onDisk: true, args);

    /// <summary>Runs at a given width, with colour on a terminal or not, in <paramref name="workingDirectory"/>.</summary>
    public static (int Exit, string Out, string Err) RunAt(int width, bool color, string workingDirectory, params string[] args) =>
        Invoke(new CliEnvironment(Today, ColorAllowed: color, Width: width, workingDirectory) { IndexOnDisk = false }, args);

    private static (int Exit, string Out, string Err) Invoke(string workingDirectory, bool onDisk, string[] args) =>
        Invoke(new CliEnvironment(Today, ColorAllowed: false, Width: 120, workingDirectory) { IndexOnDisk = onDisk }, args);

    public static (int Exit, string Out, string Err) Invoke(CliEnvironment environment, string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = CliApp.Run(args, output, error, environment);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Compares with a golden file, or rewrites it when PUNCHLIST_UPDATE_GOLDEN=1.</summary>
    public static void AssertGolden(string relativePath, string actual)
    {
        string path = Path.Combine(Punchlist.Tests.Support.Repo.Root, "tests", "Punchlist.Cli.Tests", "Golden", relativePath);
        if (Punchlist.Tests.Support.Repo.UpdateGolden)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"no golden file {relativePath}: run the tests once with PUNCHLIST_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
