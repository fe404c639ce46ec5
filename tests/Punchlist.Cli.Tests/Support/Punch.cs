namespace Punchlist.Cli.Tests.Support;

/// <summary>Runs `punch` in-process with a fixed today, no colour and a fixed width, capturing both streams.</summary>
internal static class Punch
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    public static (int Exit, string Out, string Err) Run(params string[] args) => RunIn(Directory.GetCurrentDirectory(), args);

    public static (int Exit, string Out, string Err) RunIn(string workingDirectory, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = CliApp.Run(args, output, error, new CliEnvironment(Today, ColorAllowed: false, Width: 120, workingDirectory));
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
