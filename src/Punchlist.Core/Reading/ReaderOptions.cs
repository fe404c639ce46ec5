using System.Collections.Frozen;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;

namespace Punchlist.Reading;

/// <summary>How the reader interprets a workspace's documents. Frozen and thread-safe; build one with <see cref="ReaderOptionsBuilder"/>.</summary>
public sealed class ReaderOptions
{
    public static readonly ReaderOptions Default = new ReaderOptionsBuilder().Build();

    internal ReaderOptions(double hoursPerDay, IReadOnlyDictionary<string, ItemState> statusPhrases, FrozenDictionary<char, ItemState> markers, int maxParseBytes)
    {
        HoursPerDay = hoursPerDay;
        StatusPhrases = statusPhrases;
        Statuses = StatusVocabulary.With(statusPhrases);
        Markers = markers;
        MaxParseBytes = maxParseBytes;
    }

    /// <summary>Hours in a day of effort (`0.5 days` is 4 hours at 8).</summary>
    public double HoursPerDay { get; }

    public StatusVocabulary Statuses { get; }

    /// <summary>punchlist.yml's `statuses:` as written: a document's legend adds its own phrases after these.</summary>
    internal IReadOnlyDictionary<string, ItemState> StatusPhrases { get; }

    /// <summary>States of custom box markers (`[!]`, `[>]`, `[?]`); unlisted markers count as open.</summary>
    public IReadOnlyDictionary<char, ItemState> Markers { get; }

    /// <summary>
    /// Files larger than this are read line by line instead of as Markdown: a syntax tree costs about
    /// 40 times the file's size, and no real tracker comes near the limit.
    /// </summary>
    public int MaxParseBytes { get; }
}

public sealed class ReaderOptionsBuilder
{
    private readonly Dictionary<string, ItemState> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<char, ItemState> _markers = [];

    public double HoursPerDay { get; set; } = 8;

    public int MaxParseBytes { get; set; } = 8 * 1024 * 1024;

    public ReaderOptionsBuilder AddStatus(string phrase, ItemState state)
    {
        _statuses[phrase] = state;
        return this;
    }

    public ReaderOptionsBuilder AddMarker(char marker, ItemState state)
    {
        _markers[marker] = state;
        return this;
    }

    public ReaderOptions Build() =>
        new(HoursPerDay, _statuses.ToFrozenDictionary(StringComparer.Ordinal), _markers.ToFrozenDictionary(), MaxParseBytes);
}
