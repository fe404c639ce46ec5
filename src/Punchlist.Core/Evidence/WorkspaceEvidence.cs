using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Punchlist.Evidence.Commands;
using Punchlist.Evidence.Files;
using Punchlist.Evidence.Matching;
using Punchlist.Evidence.Probes;
using Punchlist.Model;

namespace Punchlist.Evidence;

/// <summary>
/// Gathers what a workspace says about its items: the files each item names, the probes tied to it,
/// and — only when <see cref="EvidenceOptions.RunCommands"/> is set — the commands it lists. Work is
/// done on demand and kept: each probe runs at most once, each item is judged at most once, so
/// `punch status` pays only for the items it asks about. Safe to share across threads.
/// </summary>
public sealed class WorkspaceEvidence
{
    private readonly ProbeMatcher _matcher;
    private readonly Dictionary<string, IProbe> _catalogue;
    private readonly ProbeContext _context;
    private readonly ConcurrentDictionary<string, Lazy<ProbeResult>> _results = new(StringComparer.Ordinal);
    // Kept while its item lives, and no longer: a server checks ten thousand trackers in batches of 64
    // through one of these, and a dictionary held every batch's documents to the end (892 MB resident
    // for 2,000 trackers after the first check). The table compares keys by reference, as items are.
    private readonly ConditionalWeakTable<Item, Lazy<ItemEvidence>> _items = new();

    public WorkspaceEvidence(string root, EvidenceOptions? options = null)
    {
        Root = root;
        Options = options ?? EvidenceOptions.Default;
        _matcher = new ProbeMatcher(Options.Catalogue, Options.Probes);
        _catalogue = Options.Catalogue.ToDictionary(p => p.Info.Id, StringComparer.Ordinal);
        _context = new ProbeContext(root, Options.MaxFiles);
    }

    public string Root { get; }

    public EvidenceOptions Options { get; }

    public ItemEvidence For(TrackerDocument document, Item item) =>
        _items.GetValue(item, _ => new Lazy<ItemEvidence>(() => Gather(document, item))).Value;

    /// <summary>A probe's result for this workspace (run once, then kept); null for an ID the catalogue lacks.</summary>
    public ProbeResult? Probe(string id)
    {
        return !_catalogue.TryGetValue(id, out var probe) ? null : _results.GetOrAdd(id, _ => new Lazy<ProbeResult>(() => probe.Run(_context))).Value;
    }

    /// <summary>True when some file of the repository matches <paramref name="glob"/> (relative to the root).</summary>
    public bool GlobMatches(string glob) => _context.Index.Glob(glob).Any();

    /// <summary>
    /// What the repository looked like to the probes and globs so far: every folder walked and every
    /// file read, with its size and time stamp. While none of these changed, no probe or glob can
    /// answer differently. Empty when nothing has looked at the repository yet.
    /// </summary>
    public IReadOnlyList<RepositoryStamp> Stamps() => _context.Stamps();

    /// <summary>
    /// What the user must be told about the evidence gathered so far: that the repository walk stopped
    /// at its file limit, so probes and globs did not see the files past it and may have found
    /// nothing where there is something. Empty when nothing has walked the repository yet: ask after
    /// gathering.
    /// </summary>
    public IReadOnlyList<string> Warnings() => _context.IndexIfBuilt is { Truncated: true } index
        ? [string.Create(CultureInfo.InvariantCulture, $"the repository walk stopped at {index.Files.Count} files; probes and globs did not see the files past them, so some evidence may be missing")]
        : [];

    private ItemEvidence Gather(TrackerDocument document, Item item)
    {
        bool done = item.State == ItemState.Done;
        var consulted = new Analysis.Findings.Consulted();
        var records = new List<EvidenceRecord>(PromisedFiles.Judge(document, item, () => _context.Index, Root, consulted));
        var matches = _matcher.Match(document, item); // each probe once (see ProbeMatcher.Match)
        foreach (var match in matches)
        {
            var info = _catalogue.GetValueOrDefault(match.Probe)?.Info;
            var result = Probe(match.Probe);
            consulted.NoteProbe(match.Probe, result?.Ok);
            records.Add(new EvidenceRecord
            {
                Kind = EvidenceKind.Probe,
                Ref = match.Probe,
                Ok = result?.Ok,
                Detail = info is null || result is null ? $"no probe '{match.Probe}' in the catalogue" : $"{info.Title}: {result.Detail}",
                Citations = result?.Citations ?? [],
                Decisive = result?.Ok is not null,
                Claimed = match.Criterion is { } c ? item.Criteria[c - 1].IsChecked : done,
                Criterion = match.Criterion,
            });
        }

        foreach (var block in CommandBlock.In(document, item))
        {
            records.Add(Command(document, block, done));
        }

        return new ItemEvidence { Document = document, Item = item, Records = records, Matches = matches, Consulted = consulted };
    }

    private EvidenceRecord Command(TrackerDocument document, CommandBlock block, bool done)
    {
        var source = new Citation(document.Path, block.Line);
        if (!Options.RunCommands)
        {
            return new EvidenceRecord { Kind = EvidenceKind.Command, Ref = block.FirstCommand, Ok = null, Source = source, Detail = "not run (pass --run-commands to run it)" };
        }

        var result = CommandRunner.Run(block, Root, Options.CommandTimeout);
        string detail = result switch
        {
            { Error: { } error } => $"not run: {error}",
            { TimedOut: true } => $"timed out after {Options.CommandTimeout.TotalSeconds:0.###} s and was killed",
            { ExitCode: 0 } => "exit 0",
            _ => $"exit {result.ExitCode}",
        };
        return new EvidenceRecord
        {
            Kind = EvidenceKind.Command,
            Ref = block.FirstCommand,
            Ok = result.Error is null ? result.Ok : null,
            Source = source,
            Detail = detail,
            Decisive = result.Error is null,
            Claimed = done,
            Output = result.Output,
        };
    }
}
