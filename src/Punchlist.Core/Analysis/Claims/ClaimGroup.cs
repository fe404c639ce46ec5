using Punchlist.Model;

namespace Punchlist.Analysis.Claims;

/// <summary>
/// The items a claim's label names — the whole document, a section, a priority tier, the items in
/// one state, or one card (whose criteria are then the only thing to count) — and what they amount
/// to on each basis.
/// </summary>
internal sealed record ClaimGroup(string Description, IReadOnlyList<Item> Items)
{
    /// <summary>A single card: its criteria are counted, not the card itself.</summary>
    public bool CriteriaOnly { get; init; }

    /// <summary>The state the group was chosen by (`done` for a `DONE` row), named in messages and the basis.</summary>
    public string? Qualifier { get; init; }

    /// <summary>A group of cancelled items counts them, where every other group leaves them out.</summary>
    public bool IncludesCancelled { get; init; }

    /// <summary>The bases this group can be counted on, most likely first.</summary>
    public IReadOnlyList<Basis> Bases => CriteriaOnly ? [Basis.Criteria, Basis.Checkboxes] : [Basis.Items, Basis.Criteria, Basis.Checkboxes];

    /// <summary>How many of the group, finished or not, on a basis. Cancelled items and boxes are left out.</summary>
    public int Count(Basis basis, Measure measure) => measure switch
    {
        Measure.Done => Done(basis),
        Measure.Open => Total(basis) - Done(basis),
        _ => Total(basis),
    };

    /// <summary>Done out of all, on a basis (cancelled left out, as `punch status` counts).</summary>
    public Fraction Progress(Basis basis) => new(Done(basis), Total(basis));

    /// <summary>What a number on this basis counts, in words: `items`, `open criteria`, `done items` for a `DONE` row.</summary>
    public string BasisName(Basis basis, Measure measure) =>
        Qualifier is not null && basis == Basis.Items && measure == Measure.Total ? $"{Qualifier} items" : BasisNames.Name(basis, measure);

    /// <summary>Every item, cancelled ones too: some dashboards count those in their totals.</summary>
    public int AllItems => Items.Count;

    private int Total(Basis basis) => basis switch
    {
        Basis.Items => IncludesCancelled ? Items.Count : Items.Count(i => i.State != ItemState.Cancelled),
        Basis.Criteria => Items.Sum(i => i.CriteriaTotal),
        _ => Items.Sum(i => i.CriteriaTotal + (i.Box is { Counts: true } ? 1 : 0)),
    };

    private int Done(Basis basis) => basis switch
    {
        Basis.Items => Items.Count(i => i.State == ItemState.Done),
        Basis.Criteria => Items.Sum(i => i.CriteriaChecked),
        _ => Items.Sum(i => i.CriteriaChecked + (i.Box is { IsChecked: true } ? 1 : 0)),
    };
}

/// <summary>The unit a claim counts in. Items first: that is what dashboards mean unless their words or numbers say otherwise.</summary>
internal enum Basis
{
    Items,
    Criteria,
    Checkboxes,
}

internal static class BasisNames
{
    /// <summary>The wire name of what a number counts: `items`, `open items`, `checked criteria` …</summary>
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
