using Punchlist.Analysis;
using Punchlist.Analysis.Claims;
using Punchlist.Model;

namespace Punchlist.History;

/// <summary>
/// One item as one version of its document had it: what history follows through time. Two versions
/// that are equal are the same as far as history is concerned (an edit to the item's prose is no change).
/// </summary>
/// <param name="Sections">The headings above the item, outermost first, joined by <see cref="SectionSeparator"/>.</param>
public sealed record ItemVersion(
    string Key,
    string? Id,
    string Title,
    ItemState State,
    int? Priority,
    DateOnly? Due,
    string? Owner,
    int CriteriaTotal,
    int CriteriaChecked,
    string Sections)
{
    public const char SectionSeparator = '\u001f';

    /// <summary>The innermost heading above the item (what `--by section` groups by), or null.</summary>
    public string? Section => Sections.Length == 0 ? null : Sections[(Sections.LastIndexOf(SectionSeparator) + 1)..];

    public string PriorityName => Priority is { } rank ? $"P{rank}" : Grouping.NoPriority;

    public ItemFacts Facts => new(State, Priority, Due, CriteriaTotal, CriteriaChecked, Section, Owner);

    public static ItemVersion Of(Item item) => new(
        item.Key,
        item.Id,
        item.Title,
        item.State,
        item.Priority?.Rank,
        item.Due?.Date,
        item.Owner,
        item.CriteriaTotal,
        item.CriteriaChecked,
        string.Join(SectionSeparator, item.Section?.Path() ?? []));
}

/// <summary>A number the document declares about itself (PL001's claims), and whether the items bore it out in that version.</summary>
public sealed record ClaimVersion(string Label, string Declared, bool Holds);

/// <summary>
/// What history keeps of one version of a document (one blob): its items and its claims. A file that
/// is not a tracker has no items, so a tracker that stops being one loses them all.
/// </summary>
public sealed record DocumentVersion(bool IsTracker, string? Title, int CheckboxesTotal, int CheckboxesChecked, IReadOnlyList<ItemVersion> Items, IReadOnlyList<ClaimVersion> Claims)
{
    public static readonly DocumentVersion Empty = new(false, null, 0, 0, [], []);

    public static DocumentVersion Of(TrackerDocument document)
    {
        if (!document.IsTracker)
        {
            return Empty with { Title = document.Title };
        }

        return new DocumentVersion(true, document.Title, document.Checkboxes.Count, document.Checkboxes.Count(b => b.IsChecked),
            document.Items.Select(ItemVersion.Of).ToList(), ClaimsOf(document));
    }

    /// <summary>The document's summary (counts by state and priority, criteria), as `punch status` sums a document.</summary>
    public DocumentSummary Summary(string path) =>
        DocumentSummary.Of(new DocumentFacts(path, Title, CheckboxesTotal, CheckboxesChecked, Items.Select(i => i.Facts).ToList(), []));

    private static bool MayClaim(MetadataField field) =>
        field.HasValue && field.Kind is FieldKind.Custom or FieldKind.Completed && field.Value.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    // Every claim the analysis judged — held, or false — by where it is written; claims whose label
    // names nothing countable are left out, as PL001 leaves them.
    private static List<ClaimVersion> ClaimsOf(TrackerDocument document)
    {
        // Claims are table cells, or the value of a field with no meaning of its own that holds a number
        // (what ClaimReader reads): most versions of most trackers have none, and the analysis would
        // cost about half as much again as the parse.
        if (document.Tables.Count == 0 && !document.Metadata.Concat(document.Items.SelectMany(i => i.Fields)).Any(MayClaim))
        {
            return [];
        }

        var analysis = ClaimAnalysis.Of(document);
        var claims = ClaimReader.Read(document, new RowLabels(document));
        if (claims.Count == 0)
        {
            return [];
        }

        var unmatched = analysis.Unmatched.Select(u => u.Claim.Value.Span).ToHashSet();
        var mismatches = analysis.Mismatches.ToDictionary(m => m.Claim.Value.Span);
        var result = new List<ClaimVersion>();
        foreach (var claim in claims)
        {
            if (unmatched.Contains(claim.Value.Span))
            {
                continue;
            }

            string declared = document.Source.Text.Substring(claim.Value.Span.Start, claim.Value.Span.Length);
            result.Add(new ClaimVersion(claim.Where, declared, !mismatches.ContainsKey(claim.Value.Span)));
        }

        return result;
    }
}
