using Punchlist.Analysis.Findings;
using Punchlist.Analysis.Policies;
using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Text;

namespace Punchlist.Editing.Sync;

/// <summary>What sync did to one document: its text before and after, and every change with its reason.</summary>
public sealed record SyncResult(TrackerDocument Document, SourceText Final, IReadOnlyList<SyncChange> Changes, IReadOnlyList<SyncChange> Skipped)
{
    public bool Changed => !ReferenceEquals(Final, Document.Source) && !Final.Bytes.AsSpan().SequenceEqual(Document.Source.Bytes);

    public UnifiedDiff Diff() => UnifiedDiff.Between(Document.Path, Document.Source.Text, Final.Text);
}

/// <summary>A change at a line of the text it was made on (sync never adds or removes lines, so that is the original line).</summary>
public sealed record SyncChange(ChangeKind Kind, LinePosition Position, string Old, string New, string Why);

/// <summary>
/// Makes a document true: each pass asks every fixer for edits, applies those that do not conflict
/// to the bytes, and reads the result again, until no fixer has anything left to change. Passes are
/// needed because changes feed each other — a status set to Done changes the counts a dashboard
/// claims — and they make a second sync a no-op by construction.
/// </summary>
public sealed class SyncEngine(DocumentReader reader, IReadOnlyList<ISyncFixer> fixers, TouchFixer? touch)
{
    /// <summary>More passes than any chain of dependent changes needs; a safety net against a fixer that never settles.</summary>
    public const int MaxPasses = 5;

    /// <summary>Syncs <paramref name="document"/>, first applying <paramref name="first"/> (a tick from `punch done`).</summary>
    public SyncResult Run(TrackerDocument document, SyncScope scope, IReadOnlyList<ProposedEdit>? first = null)
    {
        var changes = new List<SyncChange>();
        var skipped = new List<SyncChange>();
        var current = document;
        if (first is { Count: > 0 })
        {
            current = Apply(current, first, changes, skipped);
        }

        for (int pass = 0; pass < MaxPasses && fixers.Count > 0; pass++)
        {
            // A change skipped for a conflict is proposed again in the next pass, on the new text;
            // only what the last pass still had to skip is left undone.
            skipped.Clear();
            var context = scope.ContextFor(current);
            var next = Apply(current, fixers.SelectMany(f => f.Propose(context)).ToList(), changes, skipped);
            if (ReferenceEquals(next, current))
            {
                break;
            }

            current = next;
        }

        if (touch is not null && !ReferenceEquals(current, document))
        {
            current = Apply(current, touch.Propose(current).ToList(), changes, skipped);
        }

        return new SyncResult(document, current.Source, changes, skipped);
    }

    private TrackerDocument Apply(TrackerDocument document, IReadOnlyList<ProposedEdit> proposals, List<SyncChange> changes, List<SyncChange> skipped)
    {
        var source = document.Source;
        var set = new EditSet();
        var applied = new List<ProposedEdit>();
        foreach (var proposal in proposals)
        {
            string old = source.Slice(proposal.Edit.Span);
            if (string.Equals(old, proposal.Edit.NewText, StringComparison.Ordinal))
            {
                continue;
            }

            if (set.TryAdd(proposal.Edit, out _))
            {
                applied.Add(proposal);
            }
            else
            {
                skipped.Add(Change(source, proposal, old));
            }
        }

        if (set.Count == 0)
        {
            return document;
        }

        changes.AddRange(applied.DistinctBy(p => p.Edit).Select(p => Change(source, p, source.Slice(p.Edit.Span))));
        return reader.Read(document.Path, Splice.Apply(source, set.Edits));
    }

    private static SyncChange Change(SourceText source, ProposedEdit proposal, string old) =>
        new(proposal.Kind, source.PositionOf(proposal.Edit.Span.Start), old, proposal.Edit.NewText, proposal.Why);
}

/// <summary>The workspace a document is synced in: what rules need to judge it.</summary>
public sealed record SyncScope(IReadOnlyList<TrackerDocument> Documents, string Root, DateOnly Today, CheckPolicy Policy, ICreationClock Clock)
{
    public RuleContext ContextFor(TrackerDocument document)
    {
        // The document as rewritten so far stands in for the one that was read; the workspace's IDs are
        // gathered only if a rule asks (no sync fixer does today), not copied on every pass.
        IEnumerable<TrackerDocument> Current() => Documents.Select(d => string.Equals(d.Path, document.Path, StringComparison.Ordinal) ? document : d);
        return new()
        {
            Document = document,
            Root = Root,
            Today = Today,
            Policy = Policy,
            Clock = Clock,
            Workspace = new WorkspaceFacts(() => WorkspaceFacts.ItemIdsOf(Current()), () => WorkspaceFacts.PlanIdsOf(Current())),
        };
    }
}
