namespace Punchlist.Cli;

/// <summary>What the command line reads from its surroundings, injected so tests can fix it.</summary>
internal sealed record CliEnvironment(DateOnly Today, bool ColorAllowed, int? Width, string WorkingDirectory)
{
    /// <summary>Keep the index on disk under the workspace (tests turn this off: they never write beside their inputs).</summary>
    public bool IndexOnDisk { get; init; } = true;

    public static CliEnvironment FromProcess() => new(
        DateOnly.FromDateTime(DateTime.Now),
        ColorAllowed: string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) && !Console.IsOutputRedirected,
        Width: null,
        WorkingDirectory: Directory.GetCurrentDirectory());
}
