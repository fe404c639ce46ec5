using Punchlist.Model;

namespace Punchlist.Analysis.Claims;

/// <summary>The items a claim's label names: the whole document, a section, or a priority tier.</summary>
public sealed record ClaimGroup(string Description, IReadOnlyList<Item> Items)
{
    public int Count(Basis basis, Measure measure) => basis switch
    {
        Basis.Items => measure switch
        {
            Measure.Done => Items.Count(i => i.State == ItemState.Done),
            Measure.Open => Items.Count(i => !i.State.IsClosed()),
            _ => Items.Count(i => i.State != ItemState.Cancelled),
        },
        Basis.Criteria => measure switch
        {
            Measure.Done => Items.Sum(i => i.CriteriaChecked),
            Measure.Open => Items.Sum(i => i.CriteriaTotal - i.CriteriaChecked),
            _ => Items.Sum(i => i.CriteriaTotal),
        },
        _ => measure switch
        {
            Measure.Done => Items.Sum(i => i.CriteriaChecked + (i.Box?.IsChecked == true ? 1 : 0)),
            Measure.Open => Items.Sum(i => i.CriteriaTotal - i.CriteriaChecked + (i.Box is { IsChecked: false, Counts: true } ? 1 : 0)),
            _ => Items.Sum(i => i.CriteriaTotal + (i.Box is { Counts: true } ? 1 : 0)),
        },
    };
}

/// <summary>The unit a claim counts in. Items first: that is what dashboards mean unless their numbers say otherwise.</summary>
public enum Basis
{
    Items,
    Criteria,
    Checkboxes,
}

public static class Bases
{
    public static string Name(Basis basis, Measure measure) => (basis, measure) switch
    {
        (Basis.Items, Measure.Done) => "done items",
        (Basis.Items, Measure.Open) => "open items",
        (Basis.Items, _) => "items",
        (Basis.Criteria, Measure.Done) => "checked criteria",
        (Basis.Criteria, Measure.Open) => "open criteria",
        (Basis.Criteria, _) => "criteria",
        (_, Measure.Done) => "checked boxes",
        (_, Measure.Open) => "open boxes",
        _ => "checkboxes",
    };
}
