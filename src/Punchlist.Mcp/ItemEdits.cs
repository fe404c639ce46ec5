using System.Globalization;
using Punchlist.Analysis.Policies;
using Punchlist.Editing;
using Punchlist.Editing.Sync;
using Punchlist.Evidence;
using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Workspaces;
using Punchlist.Json;

namespace Punchlist.Mcp;

/// <summary>
/// What `tick_criterion` and `set_status` share: the edit proposed as a diff, judged against the
/// repository's evidence, and written — only with `apply` — by the same conditional atomic write as
/// `punch done` (a file changed since it was read is never overwritten).
/// </summary>
internal static class ItemEdits
{
    /// <param name="Criterion">The criterion as the caller named it (its number or its text), or null for the item itself.</param>
    public sealed record Request(string Address, string? Criterion, string Change, bool Apply, bool Force, string? ExpectedHash);

    public static EditJson Run(McpWorkspace workspace, Request request, Func<TrackerDocument, Item, ProposedEdit?> propose)
    {
        if (request.Apply && workspace.ReadOnly)
        {
            throw new PunchlistException("this session is read-only (punch mcp --read-only): nothing can be written");
        }

        var outcome = workspace.Run(() =>
        {
            var today = workspace.Today;
            using var index = workspace.Scan();
            var candidates = index.DocumentsFor(request.Address);
            var (document, item) = Addresses.Resolve(candidates, request.Address);
            string address = Workspace.Address(document, item);
            var edit = propose(document, item);
            int? number = Number(item, request.Criterion, edit);
            if (edit is null)
            {
                return Result(request, number, address, document, null, [], [], $"{address}{Which(number)} already is {request.Change}: nothing to change.");
            }

            var reader = new DocumentReader(index.Config.ToReaderOptions());
            var engine = new SyncEngine(reader, SyncFixers.Create(new SyncOptions { Claims = false, Cookies = false }), touch: null);
            var result = engine.Run(document, new SyncScope(candidates.Documents, index.Root, today, index.Config.Check, NoHistory.Instance), [edit]);
            var after = reader.Read(document.Path, result.Final);
            var afterItem = after.Items.FirstOrDefault(i => i.Key == item.Key);
            var own = index.Only(document);
            var evidence = own.Evidence();
            var contradictions = afterItem is null ? [] : NewContradictions(evidence.For(document, item), evidence.For(after, afterItem));
            var warnings = Warnings(after, afterItem, request);

            if (!request.Apply)
            {
                string preview = contradictions.Count == 0
                    ? "Preview only: nothing was written. Call again with apply: true and expected_hash to write it."
                    : $"Preview only: nothing was written. {Refusal(address, number, request, contradictions)}";
                return Result(request, number, address, document, result, contradictions, warnings, preview);
            }

            if (contradictions.Count > 0 && !request.Force)
            {
                throw new PunchlistException(Refusal(address, number, request, contradictions));
            }

            if (request.ExpectedHash is { Length: > 0 } expected && !string.Equals(expected, document.Source.ContentHash, StringComparison.OrdinalIgnoreCase))
            {
                throw new PunchlistException($"{document.Path}: changed on disk since it was read (its hash is no longer expected_hash); not written: preview the change again");
            }

            ConditionalWriter.Default.Write(index.Root, new FileWrite(Path.Combine(index.Root, document.Path), document.Source.ContentHash, result.Final.Bytes, document.Path));
            var change = result.Changes[0];
            return Result(request, number, address, document, result, contradictions, warnings,
                $"Written: {document.Path} line {change.Position.Line.ToString(CultureInfo.InvariantCulture)}, '{change.Old}' → '{change.New}'{(contradictions.Count > 0 ? " (forced over the evidence)" : string.Empty)}.");
        });

        // Told after the session's gate is released: a host's rescan need not wait on the next call.
        if (outcome.Applied)
        {
            workspace.Wrote(outcome.Document);
        }

        return outcome;
    }

    // What the edit makes the document claim that the repository contradicts: decisive evidence that
    // fails and that only now is claimed (a criterion just ticked, an item just declared done).
    private static List<EvidenceRecord> NewContradictions(ItemEvidence before, ItemEvidence after)
    {
        var known = before.Failing.Select(r => (r.Kind, r.Ref, r.Criterion)).ToHashSet();
        return [.. after.Failing.Where(r => !known.Contains((r.Kind, r.Ref, r.Criterion)))];
    }

    private static string Refusal(string address, int? number, Request request, IReadOnlyList<EvidenceRecord> contradictions) =>
        $"Refused: the repository contradicts {address}{Which(number)} being {request.Change}: {string.Join("; ", contradictions.Select(Reason))}. "
        + "Do the work first, or pass force: true to write it anyway.";

    private static string Reason(EvidenceRecord record) => record.Kind switch
    {
        EvidenceKind.File => $"{record.Ref}: {record.Detail}",
        _ => record.Detail,
    };

    private static List<string> Warnings(TrackerDocument after, Item? item, Request request)
    {
        if (item is null || request.Criterion is not null || item.State != ItemState.Done)
        {
            return [];
        }

        int open = item.Criteria.Count(c => !c.IsChecked && c.State != ItemState.Cancelled);
        return open == 0 ? [] : [$"{Workspace.Address(after, item)} is done with {open} of {item.CriteriaTotal} criteria still open: punch check will report it as contradicted (PL002)"];
    }

    private static string Which(int? number) => number is { } n ? $" criterion {n.ToString(CultureInfo.InvariantCulture)}" : string.Empty;

    // The criterion's number as `punch show` counts them: the one whose box the edit changes (Ticking
    // chose it), or the number given when there is nothing to change.
    private static int? Number(Item item, string? criterion, ProposedEdit? edit)
    {
        if (criterion is null)
        {
            return null;
        }

        if (edit is not null)
        {
            int index = item.Criteria.ToList().FindIndex(c => c.MarkerSpan.Start <= edit.Edit.Span.Start && edit.Edit.Span.Start < c.MarkerSpan.End);
            return index >= 0 ? index + 1 : null;
        }

        return int.TryParse(criterion, NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : null;
    }

    private static EditJson Result(Request request, int? number, string address, TrackerDocument document, SyncResult? result,
        IReadOnlyList<EvidenceRecord> contradictions, IReadOnlyList<string> warnings, string message) =>
        new(
            EditJson.Version,
            address,
            number,
            request.Change,
            Applied: request.Apply && result is not null,
            Changed: result is { Changed: true },
            document.Path,
            document.Source.ContentHash,
            result?.Diff().ToString() ?? string.Empty,
            result is null ? [] : [.. SyncJson.From([result], written: request.Apply).Documents.SelectMany(d => d.Changes)],
            [.. contradictions.Select(EvidenceMapping.Record)],
            warnings,
            message);
}
