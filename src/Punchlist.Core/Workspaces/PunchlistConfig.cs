using Punchlist.Analysis.Policies;
using Punchlist.Model;
using Punchlist.Reading;

namespace Punchlist.Workspaces;

/// <summary>A workspace's `punchlist.yml`: which files are trackers and how to read them. Every key is optional.</summary>
public sealed record PunchlistConfig
{
    public const string FileName = "punchlist.yml";

    public static readonly PunchlistConfig Empty = new();

    /// <summary>Globs (relative to the root) a file must match to be read; empty means every Markdown file.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs of files and folders never read (on top of .gitignore).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public double HoursPerDay { get; init; } = 8;

    /// <summary>States of custom box markers: `markers: {"!": blocked, ">": in-progress}`.</summary>
    public IReadOnlyDictionary<char, ItemState> Markers { get; init; } = new Dictionary<char, ItemState>();

    /// <summary>Extra status phrases: `statuses: {"ready for qa": in-progress}`.</summary>
    public IReadOnlyDictionary<string, ItemState> Statuses { get; init; } = new Dictionary<string, ItemState>();

    /// <summary>`rules:`, `sla:`, `review:` and `sprint:`: what `punch check` reports and how it judges time.</summary>
    public CheckPolicy Check { get; init; } = CheckPolicy.Default;
    /// <summary>`probes:` — probes turned off and probes named for items (see docs/verify.md).</summary>
    public Evidence.ProbeSettings Probes { get; init; } = Evidence.ProbeSettings.Empty;

    public ReaderOptions ToReaderOptions()
    {
        var builder = new ReaderOptionsBuilder { HoursPerDay = HoursPerDay };
        foreach (var (marker, state) in Markers)
        {
            builder.AddMarker(marker, state);
        }

        foreach (var (phrase, state) in Statuses)
        {
            builder.AddStatus(phrase, state);
        }

        return builder.Build();
    }
}
