using Punchlist.Analysis;
using Punchlist.Model;
using Punchlist.Search;

namespace Punchlist.Json;

/// <summary>From the model to the wire shapes; the only place that knows both.</summary>
public static class JsonMapping
{
    public const string ItemsBasis = "items";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static StateCountsJson Counts(ItemCounts c) => new(c.Total, c.Open, c.InProgress, c.Done, c.Blocked, c.Cancelled);

    public static ProgressJson Progress(ItemCounts c) => new(ItemsBasis, c.Progress.Done, c.Progress.Total, c.Progress.Percent);

    public static BoxCountJson Boxes(IEnumerable<Checkbox> boxes)
    {
        var counted = boxes.ToList();
        return new BoxCountJson(counted.Count, counted.Count(b => b.IsChecked));
    }

    public static ItemJson Item(string document, ItemRecord item, DateOnly today) => new(
        item.Key,
        Address(document, item),
        item.Id,
        document,
        item.Line,
        item.Column,
        item.Kind.Name(),
        item.Title,
        item.Section,
        item.SectionPath,
        item.Priority?.Name,
        item.Priority?.Label,
        item.Status,
        item.State.Name(),
        new BoxCountJson(item.CriteriaTotal, item.CriteriaChecked),
        item.Owner,
        item.Due is { } due ? Date(due) : null,
        Dates.IsOverdue(item.Facts, today),
        item.Effort is null ? null : new EffortJson(item.Effort.Text, item.Effort.Hours),
        item.Category,
        item.DependsOn,
        item.References.Select(r => new ReferenceJson(Lower(r.Kind.ToString()), r.Target, Lower(r.Role.ToString()), r.Line)).ToList());

    public static string Address(string document, ItemRecord item) => $"{document}#{item.Key}";

    public static string Lower(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
