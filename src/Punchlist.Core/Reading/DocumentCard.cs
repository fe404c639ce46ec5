using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;

namespace Punchlist.Reading;

/// <summary>
/// A document that is one item: a task file (Backlog.md's `backlog/tasks/*.md`, a note per task)
/// whose YAML front matter says what a card's metadata says — a status the vocabulary reads, with an
/// ID or a field only items carry (priority, owner, due, effort, depends on) — and whose body holds
/// no item of its own but the boxes of its acceptance criteria or definition of done. Read as tasks,
/// those boxes were counted as items of their own, each open until ticked, and the status the file
/// declares was lost; read as one card, the status is its state, the boxes are its criteria, and a
/// status that contradicts them is found as any card's is. A plan whose front matter has a status but
/// whose boxes are its work (under headings of their own) stays a list of tasks.
/// </summary>
internal static class DocumentCard
{
    // Headings whose boxes are a card's criteria rather than items of their own, as whole words.
    private static readonly string[] CriteriaHeadings = ["criteria", "acceptance", "definition of done"];

    /// <summary>Replaces the walk's items by the one card the document is, when it is one.</summary>
    public static void Fold(string path, WalkResult walk, SourceText source, StatusVocabulary statuses, EncodingReport encoding)
    {
        var front = walk.Metadata.FindAll(f => f.Shape == FieldShape.FrontMatter && f.HasValue);
        var status = front.Find(f => f.Kind == FieldKind.Status);
        if (status is null || statuses.Read(encoding.Repair(status.Value)).State is null
            || !front.Exists(f => f.Kind is FieldKind.Id or FieldKind.Priority or FieldKind.Owner or FieldKind.Due or FieldKind.Effort or FieldKind.DependsOn)
            || !walk.Items.TrueForAll(i => i.Kind == ItemKind.Task && i.Box is not null && UnderCriteriaHeading(i.Section)))
        {
            return;
        }

        var id = front.Find(f => f.Kind == FieldKind.Id);
        var titleField = front.Find(f => f.Kind == FieldKind.Title);
        var heading = walk.Sections.Find(s => s.Level == 1);
        string title = titleField?.Value.Trim() ?? walk.Title ?? id?.Value.Trim() ?? Path.GetFileNameWithoutExtension(path);
        var titleSpan = titleField?.ValueSpan ?? heading?.TitleSpan ?? id?.ValueSpan ?? status.ValueSpan;
        int end = source.Text.Length;
        while (end > 0 && char.IsWhiteSpace(source.Text[end - 1]))
        {
            end--;
        }

        var card = new ItemBuilder
        {
            Kind = ItemKind.Card,
            Id = id?.Value.Trim(),
            Title = title,
            MeantTitle = encoding.Repair(title),
            TitleSpan = titleSpan,
            Position = source.PositionOf(titleSpan.Start),
            Start = 0,
            End = end,
        };
        card.Fields.AddRange(front);
        foreach (var task in walk.Items)
        {
            card.Criteria.Add(task.Box!);
            card.Criteria.AddRange(task.CriteriaSoFar);
            card.References.AddRange(task.ReferencesSoFar);
        }

        // What the front matter depends on is the card's now, every entry of its list as written (Backlog.md's
        // `task-100.4` is no ID to the ID grammar), not the document's as a plan.
        card.ListedDependsOn = [.. walk.DependsOn];
        walk.DependsOn.Clear();
        walk.Items.Clear();
        walk.Items.Add(card);
    }

    /// <summary>The front matter's `title:`, for a document without a heading of its own to name it.</summary>
    public static string? FrontTitle(WalkResult walk) =>
        walk.Metadata.Find(f => f.Shape == FieldShape.FrontMatter && f.Kind == FieldKind.Title && f.HasValue)?.Value.Trim();

    private static bool UnderCriteriaHeading(Section? section)
    {
        for (var s = section; s is not null; s = s.Parent)
        {
            string words = $" {TextFold.Words(s.Title)} ";
            if (Array.Exists(CriteriaHeadings, h => words.Contains($" {h} ", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
