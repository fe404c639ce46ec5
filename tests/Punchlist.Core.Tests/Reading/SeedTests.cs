using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Reading;

/// <summary>What the foundation issue says the reader must show on the five seeds.</summary>
public sealed class SeedTests
{
    private static TrackerDocument Seed(string name) =>
        DocumentReader.Default.Read(name, File.ReadAllBytes(Path.Combine(Repo.Seeds, name)));

    private static Item ItemOf(TrackerDocument document, string id) => document.Items.Single(i => i.Id == id);

    [CorpusFact]
    public void Optimization_health_has_42_cards_by_priority_and_no_fenced_checkboxes()
    {
        var document = Seed("optimization-health-todos.md");
        Assert.Equal(42, document.Items.Count(i => i.Kind == ItemKind.Card));
        var byPriority = document.Items.GroupBy(i => i.Priority?.Name).ToDictionary(g => g.Key ?? "none", g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["P0"] = 8, ["P1"] = 14, ["P2"] = 12, ["P3"] = 8 }, byPriority);
        Assert.Equal(126, document.Checkboxes.Count);
        Assert.Equal(0, document.Checkboxes.Count(b => b.IsChecked));
        Assert.Equal(2, ItemOf(document, "P1-007").Effort!.Hours);
        Assert.Equal("2 hours", ItemOf(document, "P1-007").Effort!.Text);
    }

    [CorpusFact]
    public void Data_platform_cards_states_priorities_and_damage()
    {
        var document = Seed("data-platform-todo.md");
        Assert.Equal(23, document.Items.Count(i => i.Kind == ItemKind.Card));
        Assert.Equal(152, document.Checkboxes.Count);
        Assert.Equal(8, document.Checkboxes.Count(b => b.IsChecked));

        var p0001 = ItemOf(document, "P0-001");
        Assert.Equal((3, 12), (p0001.CriteriaChecked, p0001.CriteriaTotal));
        Assert.Equal(ItemState.InProgress, p0001.State);
        Assert.Equal(ItemState.InProgress, ItemOf(document, "P0-002").State);
        Assert.Equal(ItemState.InProgress, ItemOf(document, "MH-001").State);
        Assert.Equal(ItemState.Open, ItemOf(document, "MH-002").State);

        var mh004 = ItemOf(document, "MH-004");
        Assert.Equal("P0", mh004.Priority!.Name);
        Assert.Equal(new DateOnly(2025, 10, 31), mh004.Due!.Date);
        Assert.Equal("P1", ItemOf(document, "SH-003").Priority!.Name);

        // PHASE 0 is a phase: P0-001's "P0" is not its priority.
        Assert.Null(p0001.Priority);
        Assert.Contains(document.Encoding.Damages, d => d.Kind == Punchlist.Text.EncodingDamageKind.Repairable && d.Repaired == "🔴");
        Assert.Contains(document.Encoding.Damages, d => d.Kind == Punchlist.Text.EncodingDamageKind.Unrepairable && d.Original == "ï¿½");
    }

    [CorpusFact]
    public void Production_tracker_has_16_tasks_of_which_8_have_3_criteria()
    {
        var document = Seed("production-todo-tracker.md");
        Assert.Equal(16, document.Items.Count);
        Assert.All(document.Items, i => Assert.Equal(ItemKind.Task, i.Kind));
        Assert.Equal(8, document.Items.Count(i => i.Criteria.Count == 3));
        Assert.Equal(8, document.Items.Count(i => i.Criteria.Count == 0));
        Assert.Equal(40, document.Checkboxes.Count);
        Assert.Equal("MacRoman", document.Encoding.CodePage?.Name);
    }

    [CorpusFact]
    public void Plan_reads_its_front_matter()
    {
        var document = Seed("plan-infrastructure-devops.md");
        Assert.Equal(64, document.Items.Count(i => i.Kind == ItemKind.Task));
        Assert.Equal("PLAN-e962d61", document.Id);
        Assert.Equal("unassigned", document.Field(FieldKind.Owner)!.Value);
        Assert.Equal("2025-07-27", document.Field(FieldKind.LastReviewed)!.Value);
    }

    [CorpusFact]
    public void Infrastructure_checklist_has_220_tasks_and_242_boxes()
    {
        var document = Seed("infrastructure-devops-todos.md");
        Assert.Equal(220, document.Items.Count(i => i.Kind == ItemKind.Task));
        Assert.Equal(242, document.Checkboxes.Count);
    }

    [CorpusFact]
    public void Every_item_criterion_and_field_points_at_its_own_text()
    {
        foreach (string file in Directory.GetFiles(Repo.Seeds))
        {
            var document = DocumentReader.Default.Read(Path.GetFileName(file), File.ReadAllBytes(file));
            string text = document.Source.Text;
            foreach (var box in document.Checkboxes)
            {
                Assert.Equal('[', text[box.MarkerSpan.Start]);
                Assert.Equal(box.Marker, text[box.MarkerSpan.Start + 1]);
                Assert.Equal(box.Position, document.PositionOf(box.MarkerSpan.Start));
            }

            foreach (var field in document.Items.SelectMany(i => i.Fields).Concat(document.Metadata).Where(f => f.Shape != FieldShape.FrontMatter || !f.Value.Contains(", ", StringComparison.Ordinal)))
            {
                Assert.Equal(field.Value, document.Source.Slice(field.ValueSpan));
                Assert.Equal(field.Position, document.PositionOf(field.KeySpan.Start));
            }

            foreach (var item in document.Items)
            {
                Assert.Contains(item.Title, document.Source.Slice(item.Span), StringComparison.Ordinal);
                Assert.Equal(item.Title, document.Source.Slice(item.TitleSpan));
            }
        }
    }
}
