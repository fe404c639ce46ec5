namespace Punchlist.Evidence;

/// <summary>What a piece of evidence is: a file an item names, a probe of the repository, a command's exit.</summary>
public enum EvidenceKind
{
    File,
    Probe,
    Command,
}

/// <summary>A place evidence points at: a file relative to the workspace root and a 1-based line (0 when it is the whole file).</summary>
public sealed record Citation(string File, int Line, string? Text = null)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

/// <summary>
/// One fact the workspace holds for or against an item. <see cref="Ok"/> is null when the fact could
/// not be judged (a path outside the workspace, a probe with nothing to look at, a command not run).
/// Only <see cref="Decisive"/> evidence moves a verdict; only <see cref="Claimed"/> evidence — of a
/// done item or a ticked criterion — can contradict the document.
/// </summary>
public sealed record EvidenceRecord
{
    public required EvidenceKind Kind { get; init; }

    /// <summary>The path as the document writes it, the probe's ID, or the command's first line.</summary>
    public required string Ref { get; init; }

    public required bool? Ok { get; init; }

    public required string Detail { get; init; }

    /// <summary>Where the evidence comes from in the document (a promised file, a command block).</summary>
    public Citation? Source { get; init; }

    /// <summary>Where the evidence is in the workspace: the files and lines a probe cites.</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];

    public bool Decisive { get; init; }

    public bool Claimed { get; init; }

    /// <summary>The 1-based criterion the evidence was matched on; null when it belongs to the item itself.</summary>
    public int? Criterion { get; init; }

    /// <summary>For files, how the item names it: create, modify, output, mention, link.</summary>
    public string? Role { get; init; }

    /// <summary>For commands, the last lines they printed.</summary>
    public IReadOnlyList<string> Output { get; init; } = [];
}
