namespace Punchlist.Analysis.Findings;

/// <summary>
/// What checking one document looked at besides the document itself and punchlist.yml: today's
/// date, the creation clock (git history), IDs looked up across the workspace, paths looked for on
/// disk, globs expanded over the repository and probes run — each with the answer it got. Rules
/// reach all of these through <see cref="RuleContext"/>, which notes them here, so nothing a rule
/// consults escapes the record. A cache may serve the document's findings again for as long as
/// every recorded question still gets the same answer.
/// </summary>
public sealed class Consulted
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, bool> _itemIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, bool> _planIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, bool> _paths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _globs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool?> _probes = new(StringComparer.Ordinal);

    /// <summary>True when a rule read today's date.</summary>
    public bool Today { get; private set; }

    /// <summary>True when a rule asked the creation clock (the git history) when an item appeared.</summary>
    public bool Clock { get; private set; }

    /// <summary>Item IDs looked up across the workspace, and whether some document had each (case ignored).</summary>
    public IReadOnlyDictionary<string, bool> ItemIds => _itemIds;

    /// <summary>Plan IDs (front matter `id:`) looked up across the workspace, and whether some document declared each.</summary>
    public IReadOnlyDictionary<string, bool> PlanIds => _planIds;

    /// <summary>Paths relative to the workspace root looked for on disk, and whether a file or folder was there.</summary>
    public IReadOnlyDictionary<string, bool> Paths => _paths;

    /// <summary>Globs relative to the workspace root expanded over the repository's files, and whether any matched.</summary>
    public IReadOnlyDictionary<string, bool> Globs => _globs;

    /// <summary>Probes run, and their outcome (<see cref="Evidence.Probes.ProbeResult.Ok"/>).</summary>
    public IReadOnlyDictionary<string, bool?> Probes => _probes;

    /// <summary>True when the findings depend on the repository's files (probes or globs) beyond single paths.</summary>
    public bool Repository => _globs.Count > 0 || _probes.Count > 0;

    public void NoteToday() => Today = true;

    public void NoteClock() => Clock = true;

    public void NoteItemId(string id, bool found) => Note(_itemIds, id, found);

    public void NotePlanId(string id, bool found) => Note(_planIds, id, found);

    public void NotePath(string relative, bool exists) => Note(_paths, relative, exists);

    public void NoteGlob(string pattern, bool matched) => Note(_globs, pattern, matched);

    public void NoteProbe(string id, bool? ok)
    {
        lock (_lock)
        {
            _probes[id] = ok;
        }
    }

    /// <summary>Adds what <paramref name="other"/> consulted (an item's evidence, gathered once and shared by rules).</summary>
    public void Add(Consulted other)
    {
        if (ReferenceEquals(other, this))
        {
            return;
        }

        // A copy taken under the other's lock, added under this one: never both locks at once.
        bool today, clock;
        KeyValuePair<string, bool>[] itemIds, planIds, paths, globs;
        KeyValuePair<string, bool?>[] probes;
        lock (other._lock)
        {
            (today, clock) = (other.Today, other.Clock);
            (itemIds, planIds, paths, globs, probes) = ([.. other._itemIds], [.. other._planIds], [.. other._paths], [.. other._globs], [.. other._probes]);
        }

        lock (_lock)
        {
            Today |= today;
            Clock |= clock;
            Copy(itemIds, _itemIds);
            Copy(planIds, _planIds);
            Copy(paths, _paths);
            Copy(globs, _globs);
            Copy(probes, _probes);
        }
    }

    private static void Copy<T>(KeyValuePair<string, T>[] from, Dictionary<string, T> to)
    {
        foreach (var (key, value) in from)
        {
            to[key] = value;
        }
    }

    private void Note(Dictionary<string, bool> answers, string question, bool answer)
    {
        lock (_lock)
        {
            answers[question] = answer;
        }
    }
}
