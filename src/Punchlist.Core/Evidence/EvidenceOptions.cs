using Punchlist.Evidence.Probes;

namespace Punchlist.Evidence;

/// <summary>How evidence is gathered: which probes, what punchlist.yml says of them, and whether commands may run.</summary>
public sealed record EvidenceOptions
{
    public static readonly EvidenceOptions Default = new();

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public IReadOnlyList<IProbe> Catalogue { get; init; } = ProbeCatalogue.All;

    public ProbeSettings Probes { get; init; } = ProbeSettings.Empty;

    /// <summary>Commands from documents run only when a person asks (`punch verify --run-commands`); never by default.</summary>
    public bool RunCommands { get; init; }

    public TimeSpan CommandTimeout { get; init; } = DefaultTimeout;

    /// <summary>The most files the repository walk lists; tests lower it to reach the limit.</summary>
    internal int MaxFiles { get; init; } = Files.RepositoryIndex.MaxFiles;
}
