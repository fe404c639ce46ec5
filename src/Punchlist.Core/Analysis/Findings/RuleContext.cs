using Punchlist.Analysis.Policies;
using Punchlist.Evidence;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Analysis.Findings;

/// <summary>
/// Everything a rule may look at while checking one document. What lies outside the document —
/// today, the creation clock, other documents' IDs, files on disk, the repository's evidence — is
/// reached only through this context, which notes each question and its answer in
/// <see cref="Consulted"/>: that record is what lets a cache tell whether the findings still hold.
/// </summary>
public sealed class RuleContext
{
    private readonly DateOnly _today;
    private readonly ICreationClock _clock = NoHistory.Instance;
    private readonly WorkspaceFacts? _workspace;

    public required TrackerDocument Document { get; init; }

    /// <summary>The workspace root on disk: where referenced files are looked for.</summary>
    public required string Root { get; init; }

    public required DateOnly Today
    {
        get
        {
            Consulted.NoteToday();
            return _today;
        }

        init => _today = value;
    }

    public required CheckPolicy Policy { get; init; }

    public required ICreationClock Clock
    {
        get
        {
            Consulted.NoteClock();
            return _clock;
        }

        init => _clock = value;
    }

    /// <summary>The IDs of every document of the check, shared by every document's context; none when absent.</summary>
    public WorkspaceFacts? Workspace
    {
        private get => _workspace;
        init => _workspace = value;
    }

    /// <summary>What the workspace holds for or against items (files, probes); shared by every document of a check.</summary>
    public WorkspaceEvidence? Evidence { private get; init; }

    /// <summary>True when evidence was gathered for this check (PL009, PL012).</summary>
    public bool HasEvidence => Evidence is not null;

    /// <summary>What this document's check has consulted so far.</summary>
    public Consulted Consulted { get; } = new();

    /// <summary>True when some document of the check has an item with this ID (case ignored).</summary>
    public bool HasItemId(string id)
    {
        bool found = _workspace?.HasItemId(id) ?? false;
        Consulted.NoteItemId(id, found);
        return found;
    }

    /// <summary>True when some document of the check declares this plan ID (front matter `id:`, case ignored).</summary>
    public bool HasPlanId(string id)
    {
        bool found = _workspace?.HasPlanId(id) ?? false;
        Consulted.NotePlanId(id, found);
        return found;
    }

    /// <summary>True when a file or folder exists at <paramref name="path"/> (absolute, or relative to the root).</summary>
    public bool PathExists(string path)
    {
        string full = Path.GetFullPath(path, Root);
        bool exists = File.Exists(full) || Directory.Exists(full);
        Consulted.NotePath(Path.GetRelativePath(Root, full).Replace('\\', '/'), exists);
        return exists;
    }

    /// <summary>The evidence for an item of this document (gathered once per check); null without evidence.</summary>
    public ItemEvidence? EvidenceFor(Item item)
    {
        if (Evidence is null)
        {
            return null;
        }

        var evidence = Evidence.For(Document, item);
        Consulted.Add(evidence.Consulted);
        return evidence;
    }

    /// <summary>A finding of <paramref name="rule"/> at <paramref name="span"/> of this document.</summary>
    public Finding Report(RuleInfo rule, TextSpan span, string message, Item? item = null, Severity? severity = null) => new()
    {
        Code = rule.Code,
        Name = rule.Name,
        Severity = severity ?? rule.DefaultSeverity,
        Document = Document.Path,
        Span = span,
        Start = Document.PositionOf(span.Start),
        End = Document.PositionOf(span.End),
        Message = message,
        Item = item?.Key,
    };
}
