using Punchlist.Analysis.Findings;
using Punchlist.Model;
using Punchlist.Server.Data;

namespace Punchlist.Server.Pages;

/// <summary>One tracker: its items by section, its claims, its findings at their lines, its review dates.</summary>
public sealed record TrackerModel(LayoutModel Layout, DocumentView View, TrackerRow Row, IReadOnlyList<SectionItems> Sections, DateOnly? ReviewDue,
    IReadOnlyList<MetadataField> ReviewFields, IReadOnlyList<Finding> Claims)
{
    public TrackerDocument Document => View.Document;

    public static TrackerModel Of(DocumentView view, WorkspaceSnapshot snapshot, LayoutModel layout)
    {
        var document = view.Document;
        var sections = document.Items
            .GroupBy(i => i.Section)
            .Select(g => new SectionItems(g.Key, g.ToList(), view.Findings.Where(f => f.Item is not null && g.Any(i => i.Key == f.Item)).ToLookup(f => f.Item!, StringComparer.Ordinal)))
            .ToList();
        var fields = document.Metadata.Where(f => f.Kind is FieldKind.NextReview or FieldKind.LastReviewed or FieldKind.LastUpdated or FieldKind.ReviewCadence or FieldKind.Created).ToList();
        return new TrackerModel(layout, view, TrackerRow.Of(view.Summary, snapshot), sections, view.ReviewDue, fields, view.Findings.Where(f => f.Code == "PL001").ToList());
    }
}

/// <summary>A section's items (the items outside any section under a null section), with the findings about each, by key.</summary>
public sealed record SectionItems(Section? Section, IReadOnlyList<Item> Items, ILookup<string, Finding> Findings);
